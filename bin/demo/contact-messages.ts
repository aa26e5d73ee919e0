/** What demo customers write on the contact form, per language and topic: the requests /admin/contacts shows. */

export interface DemoMessage {
  subject: string;
  message: string;
}

type Book = Record<string, DemoMessage[]>;

const EN: Book = {
  'account-and-login': [{ subject: 'Locked out after changing phones', message: 'I got a new phone and my authenticator codes are gone. I followed the article but I still cannot log in. Can you reset two-factor on my account?' }],
  'billing-and-plans': [
    { subject: 'Cancel but keep my client list', message: 'I want to cancel my subscription at the end of this month. Will I lose my client list and past bookings? The article does not say what happens to my data.' },
    { subject: 'Charged twice this month', message: 'My card was charged twice for the Studio plan on the 1st. Please refund one of them.' },
  ],
  'bookings-and-calendar': [{ subject: 'Recurring bookings stop after 3 weeks', message: 'I set a weekly class to repeat with no end date, but it only shows for three weeks on my booking page.' }],
  'getting-started': [{ subject: 'Importing clients from a spreadsheet', message: 'I have about 400 clients in Excel. Is there a way to import them instead of typing each one?' }],
  integrations: [{ subject: 'Google Calendar shows the wrong times', message: 'Since the clocks changed, bookings appear one hour late in Google Calendar. The sync article did not help.' }],
  'payments-and-payouts': [{ subject: 'Payout still not arrived', message: 'My payout from last Friday has not reached my bank. The article says 2 to 3 days. What is holding it?' }],
  troubleshooting: [{ subject: 'Calendar sync stopped again', message: 'Bookings made yesterday are not in my calendar. I disconnected and connected again as the article says, still nothing.' }],
};

const RU: Book = {
  'account-and-login': [{ subject: 'Не могу войти после смены телефона', message: 'Я сменил телефон, и коды из приложения-аутентификатора пропали. Сделал всё по статье, но войти не получается. Можете сбросить двухфакторную защиту?' }],
  'billing-and-plans': [
    { subject: 'Отмена подписки и база клиентов', message: 'Хочу отменить подписку в конце месяца. Сохранится ли моя база клиентов и история записей? В статье об этом ничего нет.' },
    { subject: 'Списали оплату дважды', message: 'Первого числа с карты дважды списали оплату за тариф Studio. Верните, пожалуйста, одну из них.' },
  ],
  'bookings-and-calendar': [{ subject: 'Повторяющиеся записи пропадают', message: 'Настроил еженедельное занятие без даты окончания, но на странице записи оно видно только на три недели вперёд.' }],
  'getting-started': [{ subject: 'Импорт клиентов из Excel', message: 'У меня около 400 клиентов в таблице Excel. Можно ли загрузить их сразу, а не вводить по одному?' }],
  integrations: [{ subject: 'Google Календарь показывает неверное время', message: 'После перевода часов записи в Google Календаре сдвинулись на час. Статья про синхронизацию не помогла.' }],
  'payments-and-payouts': [{ subject: 'Выплата так и не пришла', message: 'Выплата с прошлой пятницы до сих пор не поступила на счёт. В статье написано 2–3 дня. В чём задержка?' }],
  troubleshooting: [{ subject: 'Снова не работает синхронизация', message: 'Вчерашних записей нет в календаре. Отключил и подключил заново, как в статье, — не помогло.' }],
};

const FA: Book = {
  'account-and-login': [{ subject: 'بعد از عوض کردن گوشی نمی‌توانم وارد شوم', message: 'گوشی‌ام را عوض کردم و کدهای برنامه احراز هویت از بین رفته. طبق مقاله پیش رفتم ولی هنوز نمی‌توانم وارد شوم. لطفاً تأیید دومرحله‌ای حسابم را غیرفعال کنید.' }],
  'billing-and-plans': [
    { subject: 'لغو اشتراک و فهرست مشتری‌ها', message: 'می‌خواهم اشتراکم را آخر همین ماه لغو کنم. فهرست مشتری‌ها و سابقه رزروها پاک می‌شود؟ مقاله چیزی در این باره نگفته.' },
    { subject: 'دو بار از کارتم برداشت شده', message: 'اول ماه دو بار هزینه طرح Studio از کارتم کم شد. لطفاً یکی را برگردانید.' },
  ],
  'bookings-and-calendar': [{ subject: 'رزروهای تکراری بعد از سه هفته قطع می‌شوند', message: 'یک کلاس هفتگی بدون تاریخ پایان تعریف کردم ولی در صفحه رزرو فقط تا سه هفته دیده می‌شود.' }],
  'getting-started': [{ subject: 'وارد کردن مشتری‌ها از اکسل', message: 'حدود ۴۰۰ مشتری در فایل اکسل دارم. راهی هست که یکجا واردشان کنم؟' }],
  integrations: [{ subject: 'ساعت‌ها در تقویم گوگل اشتباه است', message: 'از وقتی ساعت رسمی عوض شد، رزروها در تقویم گوگل یک ساعت جابه‌جا نشان داده می‌شوند. مقاله همگام‌سازی کمکی نکرد.' }],
  'payments-and-payouts': [{ subject: 'تسویه هنوز نرسیده', message: 'تسویه جمعه گذشته هنوز به حسابم نرسیده. در مقاله نوشته ۲ تا ۳ روز. مشکل کجاست؟' }],
  troubleshooting: [{ subject: 'همگام‌سازی تقویم دوباره قطع شده', message: 'رزروهای دیروز در تقویمم نیست. طبق مقاله اتصال را قطع و دوباره وصل کردم ولی فرقی نکرد.' }],
};

const MS: Book = {
  'account-and-login': [{ subject: 'Tidak boleh log masuk selepas tukar telefon', message: 'Saya tukar telefon baharu dan kod aplikasi pengesah sudah hilang. Saya ikut artikel tetapi masih tidak boleh log masuk. Boleh tetapkan semula pengesahan dua faktor akaun saya?' }],
  'billing-and-plans': [
    { subject: 'Batal langganan tetapi simpan senarai pelanggan', message: 'Saya mahu batalkan langganan hujung bulan ini. Adakah senarai pelanggan dan sejarah tempahan saya akan hilang? Artikel tidak menyebut tentang data saya.' },
    { subject: 'Dicaj dua kali bulan ini', message: 'Kad saya dicaj dua kali untuk pelan Studio pada 1 haribulan. Tolong pulangkan salah satu.' },
  ],
  'bookings-and-calendar': [{ subject: 'Tempahan berulang berhenti selepas 3 minggu', message: 'Saya tetapkan kelas mingguan tanpa tarikh tamat, tetapi ia hanya muncul tiga minggu di halaman tempahan.' }],
  'getting-started': [{ subject: 'Import pelanggan dari Excel', message: 'Saya ada kira-kira 400 pelanggan dalam Excel. Boleh import sekali gus atau perlu taip satu per satu?' }],
  integrations: [{ subject: 'Google Calendar tunjuk masa yang salah', message: 'Selepas perubahan waktu, tempahan dalam Google Calendar lewat sejam. Artikel penyegerakan tidak membantu.' }],
  'payments-and-payouts': [{ subject: 'Bayaran keluar belum sampai', message: 'Bayaran keluar dari Jumaat lepas masih belum masuk ke bank saya. Artikel kata 2 hingga 3 hari. Apa yang berlaku?' }],
  troubleshooting: [{ subject: 'Penyegerakan kalendar berhenti lagi', message: 'Tempahan semalam tiada dalam kalendar saya. Saya putuskan dan sambung semula seperti dalam artikel, masih tiada.' }],
};

const BOOKS: Record<string, Book> = { en: EN, ru: RU, fa: FA, ms: MS };

/** The messages customers in `locale` write about a topic; the locale's first topic when it has none for this one. */
export function messagesFor(locale: string, category: string): DemoMessage[] {
  const book = BOOKS[locale] ?? EN;
  return book[category] ?? book['billing-and-plans']!;
}
