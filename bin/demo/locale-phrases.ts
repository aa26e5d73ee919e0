/** What demo visitors type, in each shipped language: searches with no answer and "what was missing" comments. */

export interface PhraseBook {
  /** Searches the help center has no answer for (the zero-result list tells this story). */
  gapQueries: string[];
  /** Comments on the unhelpful article (lost two-factor device). */
  unhelpful: string[];
  /** Comments on any other article after a "no". */
  generic: string[];
}

export const PHRASES: Record<string, PhraseBook> = {
  en: {
    gapQueries: ['gift cards', 'paypal', 'hipaa', 'class pass integration', 'apple pay', 'loyalty points', 'whatsapp reminders', 'translate booking page'],
    unhelpful: [
      "I don't have my backup codes any more, what do I do now?",
      'It says contact support but there is no link to do that.',
      'The screenshots show a menu I do not have.',
      'Nothing about what happens if I changed my phone number.',
      'Too many steps and none of them worked for me.',
      'Please say how long the recovery takes.',
    ],
    generic: [
      'The steps do not match the current app.',
      'Missing the part about the mobile app.',
      'I needed an example.',
      'Did not answer my question about fees.',
      'Too long, I just needed where the button is.',
    ],
  },
  ru: {
    gapQueries: ['подарочные сертификаты', 'оплата через сбп', 'интеграция с 1с', 'бонусные баллы', 'стоимость смс напоминаний', 'перевести страницу бронирования'],
    unhelpful: [
      'У меня больше нет резервных кодов, что теперь делать?',
      'Написано «обратитесь в поддержку», но ссылки нет.',
      'На скриншотах меню, которого у меня нет.',
      'Ничего не сказано, что делать, если сменился номер телефона.',
      'Сколько времени занимает восстановление доступа?',
    ],
    generic: [
      'Шаги не совпадают с текущей версией приложения.',
      'Не хватает инструкции для мобильного приложения.',
      'Нужен пример.',
      'Нет ответа на мой вопрос о комиссиях.',
      'Слишком длинно, мне нужно было только найти кнопку.',
    ],
  },
  fa: {
    gapQueries: ['کارت هدیه', 'پرداخت با کارت شتاب', 'یادآوری در واتس‌اپ', 'امتیاز وفاداری', 'ترجمه صفحه رزرو', 'دکمه رزرو اینستاگرام'],
    unhelpful: [
      'دیگر به کدهای پشتیبان دسترسی ندارم، حالا چه کار کنم؟',
      'نوشته با پشتیبانی تماس بگیرید ولی هیچ لینکی نیست.',
      'منویی که در تصویرها هست در حساب من وجود ندارد.',
      'درباره عوض شدن شماره تلفن چیزی نگفته.',
      'بازیابی دسترسی چقدر طول می‌کشد؟',
    ],
    generic: [
      'مراحل با نسخه فعلی برنامه جور درنمی‌آید.',
      'بخش مربوط به اپلیکیشن موبایل را ندارد.',
      'یک مثال لازم داشتم.',
      'به سؤالم درباره کارمزد جواب نداد.',
      'خیلی طولانی است، فقط می‌خواستم بدانم دکمه کجاست.',
    ],
  },
  ms: {
    gapQueries: ['kad hadiah', 'bayar dengan duitnow', 'kos peringatan sms', 'mata ganjaran', 'terjemah halaman tempahan', 'butang tempahan instagram'],
    unhelpful: [
      'Saya sudah tiada kod sandaran, apa yang perlu saya buat?',
      'Ia suruh hubungi sokongan tetapi tiada pautan.',
      'Tangkapan skrin menunjukkan menu yang tiada pada akaun saya.',
      'Tiada maklumat jika nombor telefon saya sudah bertukar.',
      'Berapa lama proses pemulihan akses?',
    ],
    generic: [
      'Langkah-langkahnya tidak sama dengan aplikasi sekarang.',
      'Tiada bahagian tentang aplikasi mudah alih.',
      'Saya perlukan contoh.',
      'Tidak menjawab soalan saya tentang caj.',
      'Terlalu panjang, saya cuma mahu tahu di mana butangnya.',
    ],
  },
};

/** The phrase book of a locale, English when the locale has none. */
export const phrasesFor = (locale: string): PhraseBook => PHRASES[locale] ?? PHRASES.en!;
