/** What demo customers write on the contact form, per topic and language: the requests /admin/contacts shows. */

export interface DemoMessage {
  subject: string;
  message: string;
}

interface Topic {
  category: string;
  /**
   * The articles the message answers back to ("I followed the article, but..."): it is only written after reading one
   * of them. A topic without `about` names no article and fits any article of its category.
   */
  about?: readonly string[];
  text: { en: DemoMessage; ru: DemoMessage; fa: DemoMessage; ms: DemoMessage };
}

const TOPICS: readonly Topic[] = [
  {
    category: 'account-and-login',
    about: ['lost-your-two-factor-device', 'set-up-two-factor-authentication', 'reset-your-password'],
    text: {
      en: { subject: 'Locked out after changing phones', message: 'I got a new phone and my authenticator codes are gone. I followed the article but I still cannot log in. Can you reset two-factor on my account?' },
      ru: { subject: 'Не могу войти после смены телефона', message: 'Я сменил телефон, и коды из приложения-аутентификатора пропали. Сделал всё по статье, но войти не получается. Можете сбросить двухфакторную защиту?' },
      fa: { subject: 'بعد از عوض کردن گوشی نمی‌توانم وارد شوم', message: 'گوشی‌ام را عوض کردم و کدهای برنامه احراز هویت از بین رفته. طبق مقاله پیش رفتم ولی هنوز نمی‌توانم وارد شوم. لطفاً تأیید دومرحله‌ای حسابم را غیرفعال کنید.' },
      ms: { subject: 'Tidak boleh log masuk selepas tukar telefon', message: 'Saya tukar telefon baharu dan kod aplikasi pengesah sudah hilang. Saya ikut artikel tetapi masih tidak boleh log masuk. Boleh tetapkan semula pengesahan dua faktor akaun saya?' },
    },
  },
  {
    category: 'account-and-login',
    text: {
      en: { subject: 'Add a second owner to our account', message: 'My business partner needs full access to our account, billing included. How do we add her as a second owner?' },
      ru: { subject: 'Второй владелец аккаунта', message: 'Моему партнёру по бизнесу нужен полный доступ к аккаунту, включая оплату. Как добавить её вторым владельцем?' },
      fa: { subject: 'اضافه کردن مالک دوم به حساب', message: 'شریک کاری‌ام به دسترسی کامل به حساب، از جمله پرداخت‌ها، نیاز دارد. چطور او را به‌عنوان مالک دوم اضافه کنیم؟' },
      ms: { subject: 'Tambah pemilik kedua akaun', message: 'Rakan kongsi saya perlukan akses penuh kepada akaun kami, termasuk bil. Bagaimana kami tambah dia sebagai pemilik kedua?' },
    },
  },
  {
    category: 'billing-and-plans',
    about: ['cancel-your-subscription', 'change-your-plan', 'compare-plans'],
    text: {
      en: { subject: 'Cancel but keep my client list', message: 'I want to cancel my subscription at the end of this month. Will I lose my client list and past bookings? The article does not say what happens to my data.' },
      ru: { subject: 'Отмена подписки и база клиентов', message: 'Хочу отменить подписку в конце месяца. Сохранится ли моя база клиентов и история записей? В статье об этом ничего нет.' },
      fa: { subject: 'لغو اشتراک و فهرست مشتری‌ها', message: 'می‌خواهم اشتراکم را آخر همین ماه لغو کنم. فهرست مشتری‌ها و سابقه رزروها پاک می‌شود؟ مقاله چیزی در این باره نگفته.' },
      ms: { subject: 'Batal langganan tetapi simpan senarai pelanggan', message: 'Saya mahu batalkan langganan hujung bulan ini. Adakah senarai pelanggan dan sejarah tempahan saya akan hilang? Artikel tidak menyebut tentang data saya.' },
    },
  },
  {
    category: 'billing-and-plans',
    text: {
      en: { subject: 'Charged twice this month', message: 'My card was charged twice for the Studio plan on the 1st. Please refund one of them.' },
      ru: { subject: 'Списали оплату дважды', message: 'Первого числа с карты дважды списали оплату за тариф Studio. Верните, пожалуйста, одну из них.' },
      fa: { subject: 'دو بار از کارتم برداشت شده', message: 'اول ماه دو بار هزینه طرح Studio از کارتم کم شد. لطفاً یکی را برگردانید.' },
      ms: { subject: 'Dicaj dua kali bulan ini', message: 'Kad saya dicaj dua kali untuk pelan Studio pada 1 haribulan. Tolong pulangkan salah satu.' },
    },
  },
  {
    category: 'bookings-and-calendar',
    text: {
      en: { subject: 'Recurring bookings stop after 3 weeks', message: 'I set a weekly class to repeat with no end date, but it only shows for three weeks on my booking page.' },
      ru: { subject: 'Повторяющиеся записи пропадают', message: 'Настроил еженедельное занятие без даты окончания, но на странице записи оно видно только на три недели вперёд.' },
      fa: { subject: 'رزروهای تکراری بعد از سه هفته قطع می‌شوند', message: 'یک کلاس هفتگی بدون تاریخ پایان تعریف کردم ولی در صفحه رزرو فقط تا سه هفته دیده می‌شود.' },
      ms: { subject: 'Tempahan berulang berhenti selepas 3 minggu', message: 'Saya tetapkan kelas mingguan tanpa tarikh tamat, tetapi ia hanya muncul tiga minggu di halaman tempahan.' },
    },
  },
  {
    category: 'getting-started',
    text: {
      en: { subject: 'Importing clients from a spreadsheet', message: 'I have about 400 clients in Excel. Is there a way to import them instead of typing each one?' },
      ru: { subject: 'Импорт клиентов из Excel', message: 'У меня около 400 клиентов в таблице Excel. Можно ли загрузить их сразу, а не вводить по одному?' },
      fa: { subject: 'وارد کردن مشتری‌ها از اکسل', message: 'حدود ۴۰۰ مشتری در فایل اکسل دارم. راهی هست که یکجا واردشان کنم؟' },
      ms: { subject: 'Import pelanggan dari Excel', message: 'Saya ada kira-kira 400 pelanggan dalam Excel. Boleh import sekali gus atau perlu taip satu per satu?' },
    },
  },
  {
    category: 'integrations',
    about: ['connect-google-calendar'],
    text: {
      en: { subject: 'Google Calendar shows the wrong times', message: 'Since the clocks changed, bookings appear one hour late in Google Calendar. The sync article did not help.' },
      ru: { subject: 'Google Календарь показывает неверное время', message: 'После перевода часов записи в Google Календаре сдвинулись на час. Статья про синхронизацию не помогла.' },
      fa: { subject: 'ساعت‌ها در تقویم گوگل اشتباه است', message: 'از وقتی ساعت رسمی عوض شد، رزروها در تقویم گوگل یک ساعت جابه‌جا نشان داده می‌شوند. مقاله همگام‌سازی کمکی نکرد.' },
      ms: { subject: 'Google Calendar tunjuk masa yang salah', message: 'Selepas perubahan waktu, tempahan dalam Google Calendar lewat sejam. Artikel penyegerakan tidak membantu.' },
    },
  },
  {
    category: 'integrations',
    text: {
      en: { subject: 'New clients from our CRM', message: 'Can new clients from our CRM appear in Fernbook on their own? We use HubSpot and copy them by hand every week.' },
      ru: { subject: 'Новые клиенты из CRM', message: 'Могут ли новые клиенты из нашей CRM появляться в Fernbook сами? Мы пользуемся HubSpot и каждую неделю переносим их вручную.' },
      fa: { subject: 'مشتری‌های جدید از CRM', message: 'آیا مشتری‌های جدید CRM ما می‌توانند خودکار در Fernbook اضافه شوند؟ از HubSpot استفاده می‌کنیم و هر هفته دستی منتقلشان می‌کنیم.' },
      ms: { subject: 'Pelanggan baharu dari CRM', message: 'Bolehkah pelanggan baharu dari CRM kami muncul dalam Fernbook dengan sendiri? Kami guna HubSpot dan salin secara manual setiap minggu.' },
    },
  },
  {
    category: 'payments-and-payouts',
    about: ['why-was-my-payout-delayed', 'payout-schedule'],
    text: {
      en: { subject: 'Payout still not arrived', message: 'My payout from last Friday has not reached my bank. The article says 2 to 3 days. What is holding it?' },
      ru: { subject: 'Выплата так и не пришла', message: 'Выплата с прошлой пятницы до сих пор не поступила на счёт. В статье написано 2–3 дня. В чём задержка?' },
      fa: { subject: 'تسویه هنوز نرسیده', message: 'تسویه جمعه گذشته هنوز به حسابم نرسیده. در مقاله نوشته ۲ تا ۳ روز. مشکل کجاست؟' },
      ms: { subject: 'Bayaran keluar belum sampai', message: 'Bayaran keluar dari Jumaat lepas masih belum masuk ke bank saya. Artikel kata 2 hingga 3 hari. Apa yang berlaku?' },
    },
  },
  {
    category: 'payments-and-payouts',
    text: {
      en: { subject: 'Client paid but the booking says unpaid', message: 'A client paid by card yesterday and her bank shows the charge, but the booking still says unpaid.' },
      ru: { subject: 'Клиент оплатил, а запись не оплачена', message: 'Клиентка вчера оплатила картой, банк списал деньги, но запись всё ещё помечена как неоплаченная.' },
      fa: { subject: 'مشتری پرداخت کرده ولی رزرو پرداخت‌نشده است', message: 'مشتری دیروز با کارت پرداخت کرد و بانکش برداشت را نشان می‌دهد، ولی رزرو هنوز پرداخت‌نشده است.' },
      ms: { subject: 'Pelanggan sudah bayar tetapi tempahan belum berbayar', message: 'Pelanggan bayar dengan kad semalam dan banknya tunjuk caj itu, tetapi tempahan masih tertulis belum berbayar.' },
    },
  },
  {
    category: 'troubleshooting',
    about: ['fix-calendar-sync-problems', 'connect-google-calendar'],
    text: {
      en: { subject: 'Calendar sync stopped again', message: 'Bookings made yesterday are not in my calendar. I disconnected and connected again as the article says, still nothing.' },
      ru: { subject: 'Снова не работает синхронизация', message: 'Вчерашних записей нет в календаре. Отключил и подключил заново, как в статье, — не помогло.' },
      fa: { subject: 'همگام‌سازی تقویم دوباره قطع شده', message: 'رزروهای دیروز در تقویمم نیست. طبق مقاله اتصال را قطع و دوباره وصل کردم ولی فرقی نکرد.' },
      ms: { subject: 'Penyegerakan kalendar berhenti lagi', message: 'Tempahan semalam tiada dalam kalendar saya. Saya putuskan dan sambung semula seperti dalam artikel, masih tiada.' },
    },
  },
  {
    category: 'troubleshooting',
    text: {
      en: { subject: 'Clients see an error on the booking page', message: 'Two clients sent me a screenshot: the booking page says "Something went wrong" when they pick a time. It works for me.' },
      ru: { subject: 'Клиенты видят ошибку на странице записи', message: 'Две клиентки прислали скриншот: при выборе времени страница записи пишет «Что-то пошло не так». У меня всё работает.' },
      fa: { subject: 'مشتری‌ها در صفحه رزرو خطا می‌بینند', message: 'دو مشتری عکس صفحه را فرستادند: وقتی زمانی را انتخاب می‌کنند، صفحه رزرو می‌گوید «مشکلی پیش آمد». برای خودم درست کار می‌کند.' },
      ms: { subject: 'Pelanggan nampak ralat di halaman tempahan', message: 'Dua pelanggan hantar tangkapan skrin: halaman tempahan kata "Ada masalah" bila mereka pilih masa. Bagi saya ia berfungsi.' },
    },
  },
];

/**
 * What a customer in `locale` may write after reading `article` (of `category`): the messages about that very
 * article when there are any, else those of its category that name no article, so the message and the article read
 * before it tell one story.
 */
export function messagesFor(locale: string, category: string, article: string): DemoMessage[] {
  const inCategory = TOPICS.filter((t) => t.category === category);
  const about = inCategory.filter((t) => t.about?.includes(article));
  const general = inCategory.filter((t) => !t.about);
  const topics = about.length > 0 ? about : general.length > 0 ? general : TOPICS.filter((t) => !t.about);
  const lang = (locale in TOPICS[0]!.text ? locale : 'en') as keyof Topic['text'];
  return topics.map((t) => t.text[lang]);
}
