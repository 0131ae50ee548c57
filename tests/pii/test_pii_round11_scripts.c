/* PERSON, round 11 (issue 17: names outside Latin script on spoken and social text): self-introductions
 * ("I am X", "my name is X", "X speaking") in many languages and scripts, the scripts the tokenizer did not
 * read (Gujarati, Kannada, Malayalam, Lao, Khmer), chat-export speaker labels and mentions in CJK and
 * Hangul chat, titles and "in the name of" frames of scripts without capitals, and lower-case Malay
 * bin/binti chains. New sentences of each class, not the evaluation's, with hard negatives of the same
 * frame (places, jobs, states, common words after "I am"). */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "pii_expect.h"
#include "test_util.h"

static const int32_t P = SANCTUM_ENTITY_PERSON;

/* "I am X" / "this is X" / "with you is X" (a phone call) in scripts without capitals, with the evidence
 * that makes it a name rather than a state or a place: a phone word or number after it, a "speaking" verb,
 * or a known name. Names the lists lack count in these frames. */
static void intro_uncased(void **state)
{
    const sanctum_detector *det = pii_det(state);
    pii_expect_one_person(det, "السلام عليكم، معك فيصل بن خالد الحربي، رقمي 0551234567", "فيصل بن خالد الحربي");
    pii_expect_one_person(det, "سلام، من نازنین کرمانی هستم، شماره من 09121234567 است", "نازنین کرمانی");
    pii_expect_one_person(det, "السلام علیکم، میں فرحان ملک بول رہا ہوں", "فرحان ملک");
    pii_expect_one_person(det, "नमस्ते, मैं अंकिता वर्मा बोल रही हूँ, मेरा नंबर 98765 43210 है", "अंकिता वर्मा");
    pii_expect_one_person(det, "שלום, זה דניאל אברמוב, תחזור אליי ל-054-1234567", "דניאל אברמוב");
    pii_expect_one_person(det, "வணக்கம், நான் சுரேஷ் ராஜேந்திரன், என் எண் 98410 12345", "சுரேஷ் ராஜேந்திரன்");
    pii_expect_one_person(det, "నమస్తే, నేను వెంకటేశ్ నాయుడు మాట్లాడుతున్నాను, నా నంబర్ 98490 11223", "వెంకటేశ్ నాయుడు");
    pii_expect_one_person(det, "নমস্কার, আমি সুমিত্রা দাস বলছি, আমার নম্বর 98300 12345", "সুমিত্রা দাস");
    pii_expect_one_person(det, "ሰላም፣ እኔ ዳዊት አለሙ ነኝ፣ ስልኬ 0911 234 567 ነው", "ዳዊት አለሙ");
    /* the same frames around a place, a state, a job, a negation: no name */
    pii_expect_one_person(det, "היי, זו רותם לוי-כץ, תחזרי אליי ל-052-1234567", "רותם לוי-כץ");
    pii_expect_none(det, "أنا في المطار الآن، رقمي 0551234567", P);
    pii_expect_none(det, "أنا متعبة جدا اليوم", P);
    pii_expect_none(det, "أنا سعيد بلقائك", P);
    pii_expect_none(det, "میں گھر پر ہوں، میرا نمبر 0300 1234567 ہے", P);
    pii_expect_none(det, "मैं दिल्ली में हूँ, मेरा नंबर 98765 43210 है", P);
    pii_expect_none(det, "मैं बहुत थका हुआ हूँ", P);
    pii_expect_none(det, "זה לא עובד, תתקשר אליי ל-054-1234567", P);
    pii_expect_none(det, "לא להציג הודעה זו שוב", P);
    pii_expect_none(det, "நான் அலுவலகத்தில் இருக்கிறேன், என் எண் 98410 12345", P);
    pii_expect_none(det, "እኔ ተማሪ ነኝ", P);
    pii_expect_none(det, "আমি বাড়িতে আছি, আমার নম্বর 98300 12345", P);
    /* "I am fine / on the way / going to the office, my number ...": a state or a clause, then a number */
    pii_expect_none(det, "أنا بخير والحمد لله، رقمي الجديد 0551234567", P);
    pii_expect_none(det, "אני בדרך הביתה, תתקשר אליי ל-054-1234567", P);
    pii_expect_none(det, "আমি অফিসে যাচ্ছি, আমার নম্বর 98300 12345", P);
    pii_expect_none(det, "እኔ ደህና ነኝ፣ ስልኬ 0911 234 567 ነው", P);
    pii_expect_none(det, "நான் வீட்டுக்கு வருகிறேன், என் எண் 98410 12345", P);
    /* a second batch of states, written after the rule: ready, waiting outside, on the road, this is me */
    pii_expect_none(det, "أنا جاهز للاجتماع، رقمي 0551234567", P);
    pii_expect_none(det, "אני מחכה בחוץ, תתקשר ל-054-1234567", P);
    pii_expect_none(det, "זה אני, תחזור אליי ל-054-1234567", P);
    pii_expect_none(det, "আমি রাস্তায়, আমার নম্বর 98300 12345", P);
    pii_expect_none(det, "እኔ ዝግጁ ነኝ፣ ስልኬ 0911 234 567", P);
    /* a third batch: "I am a new customer, my number ..." (two words and a number, no name) */
    pii_expect_none(det, "నమస్తే, నేను కొత్త కస్టమర్, నా నంబర్ 98490 11223", P);
    pii_expect_none(det, "ሰላም፣ እኔ አዲስ ደንበኛ ነኝ፣ ስልኬ 0911 234 567", P);
    pii_expect_none(det, "שלום, אני לקוח חדש, המספר שלי 054-1234567", P);
    pii_expect_none(det, "நான் ரொம்ப பிஸி, என் எண் 98410 12345", P);
    /* a fourth batch: "I am your neighbour / the delivery boy / the flat's owner, my number ..." */
    pii_expect_none(det, "नमस्ते, मैं आपका पड़ोसी हूँ, मेरा नंबर 98765 43210 है", P);
    pii_expect_none(det, "হ্যালো, আমি আপনার প্রতিবেশী, আমার নম্বর 98300 12345", P);
    pii_expect_none(det, "നമസ്കാരം, ഞാൻ ഡെലിവറി ബോയ്, എന്റെ നമ്പർ 94470 12345", P);
    pii_expect_none(det, "ሰላም፣ እኔ የቤቱ ባለቤት ነኝ፣ ስልኬ 0911 234 567", P);
    pii_expect_none(det, "مرحبا، أنا صاحب الشقة، رقمي 0551234567", P);
}

/* "My name is X" (and "they call me X") is a frame of its own: the name need not be known nor a number
 * follow; a clause after it ("my name is written on the form") is none. */
static void intro_my_name(void **state)
{
    const sanctum_detector *det = pii_det(state);
    pii_expect_one_person(det, "اسمي ليلى الزهراني، أحتاج موعدا", "ليلى الزهراني");
    pii_expect_one_person(det, "मेरा नाम रोहन मेहता है और मुझे टिकट चाहिए", "रोहन मेहता");
    pii_expect_one_person(det, "קוראים לי מיכל גולן ואני צריכה עזרה", "מיכל גולן");
    pii_expect_one_person(det, "გამარჯობა, მე მქვია ნინო ბერიძე", "ნინო ბერიძე");
    pii_expect_one_person(det, "ดิฉันชื่อมาลัย ทองดี ค่ะ", "มาลัย ทองดี");
    pii_expect_none(det, "اسمي مكتوب في الاستمارة", P);
    pii_expect_none(det, "मेरा नाम सूची में नहीं है", P);
}

/* Scripts the tokenizer did not read: Gujarati, Kannada, Malayalam, Lao, Khmer (with their vowel signs and
 * the Malayalam chillu letters), and Thai, where the frame is glued to the name. */
static void intro_new_scripts(void **state)
{
    const sanctum_detector *det = pii_det(state);
    pii_expect_one_person(det, "નમસ્તે, હું ભાવિન શાહ બોલું છું, મારો નંબર 98240 12345 છે", "ભાવિન શાહ");
    pii_expect_one_person(det, "ನಮಸ್ಕಾರ, ನಾನು ಮಂಜುನಾಥ ಗೌಡ ಮಾತನಾಡುತ್ತಿದ್ದೇನೆ, ನನ್ನ ನಂಬರ್ 98450 12345", "ಮಂಜುನಾಥ ಗೌಡ");
    pii_expect_one_person(det, "നമസ്കാരം, ഞാൻ അനിത മേനോൻ സംസാരിക്കുന്നു, എന്റെ നമ്പർ 94470 12345", "അനിത മേനോൻ");
    pii_expect_one_person(det, "ສະບາຍດີ ຂ້ອຍຊື່ ບຸນມີ ພົມມະວົງ ເບີ 020 5555 1234", "ບຸນມີ ພົມມະວົງ");
    pii_expect_one_person(det, "ជំរាបសួរ ខ្ញុំឈ្មោះ ចាន់ ដារា លេខ 012 555 678", "ចាន់ ដារា");
    pii_expect_one_person(det, "สวัสดีครับ ผมสมชาย ศรีวงศ์ เบอร์ 089 123 4567 ครับ", "สมชาย ศรีวงศ์");
    pii_expect_none(det, "สวัสดีครับ ผมพนักงาน ส่งของ เบอร์ 089 123 4567", P);
    pii_expect_none(det, "હું ઘરે છું, મારો નંબર 98240 12345 છે", P);
    pii_expect_none(det, "ನಾನು ಕಚೇರಿಯಲ್ಲಿ ಇದ್ದೇನೆ", P);
    pii_expect_none(det, "ഞാൻ ഓഫീസിൽ ആണ്, എന്റെ നമ്പർ 94470 12345", P);
    pii_expect_none(det, "ຂ້ອຍ ຢູ່ ເຮືອນ ເບີ 020 5555 1234", P);
    pii_expect_none(det, "ខ្ញុំ នៅ ផ្ទះ", P);
    pii_expect_none(det, "ผมชอบกินข้าวผัด เบอร์ 089 123 4567 ครับ", P);
    pii_expect_none(det, "ดิฉันเหนื่อยมากค่ะ", P);
    pii_expect_none(det, "ನಾನು ಮನೆಗೆ ಬರುತ್ತೇನೆ, ನನ್ನ ನಂಬರ್ 98450 12345", P);
    pii_expect_none(det, "ഞാൻ വീട്ടിലേക്ക് വരുന്നു, എന്റെ നമ്പർ 94470 12345", P);
    pii_expect_none(det, "હું ઓફિસ જાઉં છું, મારો નંબર 98240 12345 છે", P);
    pii_expect_none(det, "ຂ້ອຍ ສະບາຍດີ ເບີ 020 5555 1234", P);
    pii_expect_none(det, "ខ្ញុំ សុខសប្បាយ លេខ 012 555 678", P);
    pii_expect_none(det, "હું તૈયાર છું, મારો નંબર 98240 12345 છે", P);
    pii_expect_none(det, "ഞാൻ തയ്യാറാണ്, എന്റെ നമ്പർ 94470 12345", P);
    pii_expect_none(det, "ຂ້ອຍ ພ້ອມແລ້ວ ເບີ 020 5555 1234", P);
    pii_expect_none(det, "ខ្ញុំ រួចរាល់ហើយ លេខ 012 555 678", P);
    pii_expect_none(det, "ನಮಸ್ಕಾರ, ನಾನು ಹೊಸ ಗ್ರಾಹಕ, ನನ್ನ ನಂಬರ್ 98450 12345", P);
    pii_expect_none(det, "നമസ്കാരം, ഞാൻ പുതിയ കസ്റ്റമർ, എന്റെ നമ്പർ 94470 12345", P);
    pii_expect_none(det, "ສະບາຍດີ ຂ້ອຍ ລູກຄ້າ ໃໝ່ ເບີ 020 5555 1234", P);
}

/* CJK and Hangul self-introductions: 我是 + a Chinese name, もしもし/こちら + a Japanese surname + です
 * (佐々木 with the iteration mark), 저는 + a Korean name + 입니다; not a job, a place, a team. */
static void intro_cjk(void **state)
{
    const sanctum_detector *det = pii_det(state);
    pii_expect_one_person(det, "喂，我是刘晓峰，我的电话是13800138000", "刘晓峰");
    pii_expect_one_person(det, "もしもし、山口です。折り返しお願いします", "山口");
    pii_expect_one_person(det, "はい、こちら佐々木です。", "佐々木");
    pii_expect_one_person(det, "안녕하세요, 저는 박지민입니다. 내일 연락 주세요", "박지민");
    pii_expect_none(det, "我是学生，我的电话是13800138000", P);
    pii_expect_none(det, "我是北京人，也是程序员。", P);
    pii_expect_none(det, "もしもし、営業部です。こちら東京駅です。", P);
    pii_expect_none(det, "안녕하세요, 고객센터입니다. 저는 정보팀입니다", P);
    pii_expect_none(det, "\"관리자\" 롤은 \"개발\" 롤의 구성원입니다", P);
}

/* Chat exports: a speaker with a timestamp anywhere on its line ("WeChat [09:41] 赵敏：", "KakaoTalk [오후
 * 2:05] 김도윤:"), an @mention of a Chinese name, a LINE speaker before 「, a Korean given name with the
 * vocative 아/야 opening a message; not a heading after a date, @所有人, a word before 「. */
static void chat_speakers(void **state)
{
    const sanctum_detector *det = pii_det(state);
    pii_expect(det, "群聊记录 [09:41] 赵敏：明天几点出发？", P, "赵敏");
    pii_expect(det, "KakaoTalk [오후 2:05] 김도윤: 내일 봐", P, "김도윤");
    pii_expect(det, "好的 @周子涵 你来订票吧", P, "周子涵");
    pii_expect(det, "LINE: 陽子「明日行ける？」", P, "陽子");
    pii_expect(det, "[오후 9:15] 김도윤: 민지야 내일 몇 시에 와?", P, "민지");
    pii_expect_none(det, "更新日志 [2026-03-01] 文档：新增接口说明", P);
    pii_expect_none(det, "@所有人 明天放假", P);
    pii_expect_none(det, "用法：程序 @文件 --选项", P);
    pii_expect(det, "[21:03] 赵敏：@周杰 记得带伞", P, "周杰");
    pii_expect_none(det, "看板「営業中」の文字", P);
    pii_expect_none(det, "[오후 9:15] 공지: 좋아 내일 봐", P);
    /* Cyrillic speakers after the app's name or opening a line, before a lower-case word */
    pii_expect_one_person(det, "Viber: Богдана: скинь адресу будь ласка", "Богдана");
    pii_expect_one_person(det, "Ярослав: буду через десять минут", "Ярослав");
    pii_expect_none(det, "Telegram: Внимание: канал закрыт на ремонт", P);
}

/* Russian given names in the genitive after "номер"/"телефон"/"контакт" (someone's number): "номер Игоря";
 * not a bank or a city. */
static void cyrillic_number_of(void **state)
{
    const sanctum_detector *det = pii_det(state);
    pii_expect_one_person(det, "дай телефон Ольги, пожалуйста", "Ольги");
    pii_expect_one_person(det, "скинь мне номер Игоря", "Игоря");
    pii_expect_none(det, "это номер Сбербанка, а это телефон Москвы", P);
}

/* Titles before a name in scripts without capitals, also with the Arabic prepositions glued to them
 * ("للأستاذة", "والدكتور"), and "in the name of" frames of a transfer (باسم, על שם, به نام). */
static void titles_and_holders(void **state)
{
    const sanctum_detector *det = pii_det(state);
    pii_expect_one_person(det, "كل الشكر للدكتورة سعاد الشمري على صبرها", "سعاد الشمري");
    pii_expect_one_person(det, "حوالة بنكية باسم عمر الفاسي، المبلغ 500 درهم", "عمر الفاسي");
    pii_expect_one_person(det, "ההעברה על שם יעל רוזנברג, תודה", "יעל רוזנברג");
    pii_expect_one_person(det, "واریز به نام مهدی حسینی انجام شد", "مهدی حسینی");
    pii_expect_none(det, "حوالة باسم الشركة، المبلغ 500 درهم", P);
    pii_expect_none(det, "הרחוב על שם הרצל נסגר", P);
    pii_expect_none(det, "للدكتورة المناوبة في الطوارئ", P);
    /* Indic titles: the family name the lists lack runs to the postposition ("का") */
    pii_expect_one_person(det, "श्रीमती कविता देवी का पार्सल आया है", "कविता देवी");
    pii_expect_none(det, "श्री गणेश मंदिर में पूजा है", P);
    /* CJK account-holder labels and 以...的名义 (in the name of) */
    pii_expect_one_person(det, "振込名義：佐藤健太", "佐藤健太");
    pii_expect_one_person(det, "请以李明的名义订房", "李明");
    pii_expect_none(det, "以公司的名义签合同", P);
    /* holder and beneficiary labels, also with a colon */
    pii_expect_one_person(det, "صاحب الحساب: فيصل العنزي", "فيصل العنزي");
    pii_expect_one_person(det, "المستفيد: نورة القحطاني، المبلغ 300 ريال", "نورة القحطاني");
    pii_expect_none(det, "المستفيد: الشركة الوطنية للتأمين", P);
}

/* Obituaries and condolences: "the late" as a title (الراحل, स्व., প্রয়াত, المرحومة), "passed to God's mercy"
 * (انتقل إلى رحمة الله) before a given and a family name, also ones the lists lack when punctuation or a
 * postposition closes them; a kin word after "the late" is none. */
static void obituaries(void **state)
{
    const sanctum_detector *det = pii_det(state);
    pii_expect_one_person(det, "انتقل إلى رحمة الله تعالى؟ لا: انتقل إلى رحمة الله ماجد الشهري، والدفن غدا", "ماجد الشهري");
    pii_expect_one_person(det, "स्व. देवकीनंदन उपाध्याय की स्मृति में सभा", "देवकीनंदन उपाध्याय");
    pii_expect_one_person(det, "প্রয়াত অমলেন্দু চক্রবর্তী, আমাদের প্রিয় শিক্ষক", "অমলেন্দু চক্রবর্তী");
    pii_expect_none(det, "स्व. पिताजी का आशीर्वाद", P);
    pii_expect_none(det, "انتقل إلى رحمة الله تعالى", P);
}

/* A letter's "Dear X," opening its line in scripts without capitals, the name one the lists lack; not a
 * customer, a friend, a user, nor a word with the article. */
static void letter_salutations(void **state)
{
    const sanctum_detector *det = pii_det(state);
    pii_expect_one_person(det, "प्रिय सुगंधा जी,\nआपका पत्र मिला, धन्यवाद।", "सुगंधा");
    pii_expect_one_person(det, "عزيزتي رزان الخطيب،\nشكرا على رسالتك", "رزان الخطيب");
    pii_expect_one_person(det, "প্রিয় অনুপম,\nকেমন আছ?", "অনুপম");
    pii_expect_one_person(det, "அன்புள்ள கவின்மொழி,\nநலமா?", "கவின்மொழி");
    pii_expect_none(det, "प्रिय ग्राहक,\nआपका ऑर्डर भेज दिया गया है।", P);
    pii_expect_none(det, "عزيزي العميل،\nتم شحن طلبك", P);
    pii_expect_none(det, "প্রিয় বন্ধুরা,\nসবাইকে শুভেচ্ছা", P);
}

/* Thai: a given name the lists lack after คุณ, then a verb only people take (called, said, asked to tell);
 * คุณ + a kin word or a noun (คุณแม่, คุณภาพ: quality) is none. */
static void thai_khun_verb(void **state)
{
    const sanctum_detector *det = pii_det(state);
    pii_expect_one_person(det, "คุณพรรณราย โทรมาเมื่อเช้าค่ะ", "พรรณราย");
    pii_expect_one_person(det, "คุณเกียรติศักดิ์ ฝากบอกว่าจะมาสาย", "เกียรติศักดิ์");
    pii_expect_none(det, "คุณแม่ โทรมาเมื่อเช้าค่ะ", P);
    pii_expect_none(det, "คุณภาพ บอกว่าดีมาก", P);
}

/* Russian accusative of names in -а after a congratulation: "Поздравляю Оксану". */
static void cyrillic_accusative(void **state)
{
    const sanctum_detector *det = pii_det(state);
    pii_expect_one_person(det, "Поздравляю Марину с юбилеем!", "Марину");
    pii_expect_none(det, "Поздравляю всех с праздником!", P);
}

/* Kin and address words after a full name opening a clause (Bengali ভাইয়ের, Malayalam സാറിന്റെ, Urdu
 * ماموں, Hindi भैया), the names not in the lists; "my elder brother" is none. */
static void kin_after_full_name(void **state)
{
    const sanctum_detector *det = pii_det(state);
    pii_expect_one_person(det, "জাহিদ হাসান ভাইয়ের সাথে কাল মিটিং আছে", "জাহিদ হাসান");
    pii_expect_one_person(det, "ബിജു മാത്യു സാറിന്റെ നമ്പർ തരാമോ?", "ബിജു മാത്യു");
    pii_expect_one_person(det, "سلمان حیدر ماموں کل آئیں گے", "سلمان حیدر");
    pii_expect_none(det, "मेरे बड़े भाई कल आएंगे", P);
    pii_expect_none(det, "আমার বড় ভাই ঢাকায় থাকে", P);
}

/* Arabic chains with أبو and آل (father of, family of) after a known given name. */
static void arabic_chains(void **state)
{
    const sanctum_detector *det = pii_det(state);
    pii_expect_one_person(det, "وصل خالد أبو زيد إلى المكتب", "خالد أبو زيد");
    pii_expect_one_person(det, "اتصل فهد آل سعود أمس", "فهد آل سعود");
    pii_expect_none(det, "مطعم أبو شقرة في القاهرة", P);
}

/* Phone greetings that are also names do not open a speaker or vocative: "Алло, это ...". */
static void phone_greetings(void **state)
{
    const sanctum_detector *det = pii_det(state);
    pii_expect_one_person(det, "Алло, это Марина Соколова, перезвоните", "Марина Соколова");
    pii_expect_one_person(det, "Salam, saya Nur Aisyah, nombor saya 012-555 1234", "Nur Aisyah");
}

/* Malay names with bin/binti written in lower case after a naming frame, one span. */
static void malay_chains(void **state)
{
    const sanctum_detector *det = pii_det(state);
    pii_expect_one_person(det, "the caller said her name is siti aminah binti yusof and asked for a refund",
                          "siti aminah binti yusof");
    pii_expect_one_person(det, "Salam, saya Ahmad Faizal bin Rahman, nombor saya 012-555 1234", "Ahmad Faizal bin Rahman");
    pii_expect_none(det, "saya bin the old files and keep the rest", P);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(intro_uncased, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(intro_my_name, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(intro_new_scripts, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(intro_cjk, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(chat_speakers, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(cyrillic_number_of, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(titles_and_holders, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(malay_chains, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(thai_khun_verb, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(obituaries, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(letter_salutations, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(cyrillic_accusative, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(kin_after_full_name, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(arabic_chains, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(phone_greetings, pii_setup, pii_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
