// Machine-drafted Farsi/Dari, Pashto, Tigrinya, Amharic and Somali for the scoping survey's answer
// labels, keyed by the English source. One line per text: en | fa | ps | ti | am | so.
// These are drafts (translationStatus says machine-draft): translators review them, back-translate
// and field-test before any status changes. Where a source text already carries a language, that
// wins over this table.

const TABLE = `
Afghanistan | افغانستان | افغانستان | ኣፍጋኒስታን | አፍጋኒስታን | Afgaanistaan
Bangladesh | بنگلادش | بنګله دیش | ባንግላደሽ | ባንግላዲሽ | Bangaladheesh
Burkina Faso | بورکینافاسو | بورکینا فاسو | ቡርኪና ፋሶ | ቡርኪና ፋሶ | Burkina Faaso
Cameroon | کامرون | کامرون | ካሜሩን | ካሜሩን | Kameruun
Chad | چاد | چاد | ቻድ | ቻድ | Jaad
Côte d'Ivoire | ساحل عاج | عاج ساحل | ኮት ዲቯር | ኮት ዲቯር | Xeebta Foolmaroodiga
Egypt | مصر | مصر | ግብጺ | ግብፅ | Masar
Eritrea | اریتره | اریتریا | ኤርትራ | ኤርትራ | Eritereeya
Ethiopia | اتیوپی | ایتوپیا | ኢትዮጵያ | ኢትዮጵያ | Itoobiya
Gambia | گامبیا | ګامبیا | ጋምብያ | ጋምቢያ | Gambiya
Ghana | غنا | ګانا | ጋና | ጋና | Gaana
Greece | یونان | یونان | ግሪኽ | ግሪክ | Giriig
Guinea | گینه | ګینه | ጊኒ | ጊኒ | Gini
Iran | ایران | ایران | ኢራን | ኢራን | Iiraan
Iraq | عراق | عراق | ዒራቕ | ኢራቅ | Ciraaq
Mali | مالی | مالي | ማሊ | ማሊ | Maali
Morocco | مراکش | مراکش | ሞሮኮ | ሞሮኮ | Marooko
Niger | نیجر | نیجر | ኒጀር | ኒጀር | Nayjar
Nigeria | نیجریه | نایجیریا | ናይጀርያ | ናይጄሪያ | Nayjeeriya
Pakistan | پاکستان | پاکستان | ፓኪስታን | ፓኪስታን | Baakistaan
Senegal | سنگال | سنګال | ሰነጋል | ሴኔጋል | Senegaal
Somalia | سومالی | سومالیا | ሶማልያ | ሶማሊያ | Soomaaliya
Spain | اسپانیا | هسپانیه | ስጳኛ | ስፔን | Isbeyn
Sudan | سودان | سوډان | ሱዳን | ሱዳን | Suudaan
Syria | سوریه | سوریه | ሶርያ | ሶሪያ | Suuriya
Tunisia | تونس | تونس | ቱኒዝያ | ቱኒዚያ | Tuunis
Türkiye | ترکیه | ترکیه | ቱርኪ | ቱርክ | Turkiga
Algeria | الجزایر | الجزایر | ኣልጀርያ | አልጄሪያ | Aljeeriya
France | فرانسه | فرانسه | ፈረንሳ | ፈረንሳይ | Faransiis
United Kingdom | بریتانیا | برتانیه | ዓባይ ብሪጣንያ | ዩናይትድ ኪንግደም | Ingiriiska
Single | مجرد | مجرد | ዘይተመርዓወ | ያላገባ | Doob
Married | متأهل | واده شوی | ተመርዓወ | ያገባ | Xaas leh
Separated or divorced | جداشده یا مطلقه | جلا شوی یا طلاق شوی | ተፈላሊዩ ወይ ተፋቲሑ | የተለያየ ወይም የተፋታ | Kala tagay ama furay
Widowed | بیوه | کونډ | መበለት | የሞተበት | Carmal
Alone | تنها | یوازې | በይነይ | ብቻዬን | Keligay
With family | با خانواده | له کورنۍ سره | ምስ ስድራ | ከቤተሰብ ጋር | Qoyskayga
With friends | با دوستان | له ملګرو سره | ምስ ኣዕሩኽ | ከጓደኞች ጋር | Saaxiibbo
With people met on the way | با کسانی که در راه دیدم | له هغو خلکو سره چې په لاره کې مې ولیدل | ምስ ኣብ መገዲ ዝረኸብኩዎም ሰባት | በመንገድ ካገኘኋቸው ሰዎች ጋር | Dad aan wadada ku kulannay
None | هیچ‌کدام | هېڅ | ሓንቲ እኳ | ምንም | Midna
Religious school | مدرسه دینی | دیني مدرسه | ሃይማኖታዊ ቤት ትምህርቲ | የሃይማኖት ትምህርት ቤት | Dugsi diimeed
Primary | ابتدایی | لومړنی | ቀዳማይ | አንደኛ ደረጃ | Hoose
Secondary | متوسطه | منځنی | ካልኣይ | ሁለተኛ ደረጃ | Sare
Vocational | فنی و حرفه‌ای | مسلکي | ሞያዊ | የሙያ | Xirfad
University | دانشگاه | پوهنتون | ዩኒቨርሲቲ | ዩኒቨርሲቲ | Jaamacad
Employed | شاغل | دنده لرونکی | ሰራሕተኛ | ተቀጣሪ | Shaqaale
Own business or farming | کسب‌وکار شخصی یا کشاورزی | شخصي کاروبار یا کرنه | ናይ ውልቀ ንግዲ ወይ ሕርሻ | የግል ንግድ ወይም እርሻ | Ganacsi gaar ah ama beeraley
Daily or casual work | کار روزمزد | ورځنی کار | መዓልታዊ ስራሕ | የቀን ሥራ | Shaqo maalinle
Student | دانش‌آموز یا دانشجو | زده کوونکی | ተምሃራይ | ተማሪ | Arday
No work | بیکار | بې کاره | ስራሕ የብለይን | ሥራ የለኝም | Shaqo la'aan
Bus | اتوبوس | بس | ኣውቶቡስ | አውቶቡስ | Bas
Truck or pick-up | کامیون یا وانت | لارۍ یا پیک اپ | ናይ ጽዕነት መኪና | የጭነት መኪና ወይም ፒክአፕ | Baabuur xamuul
Car | ماشین | موټر | መኪና | መኪና | Gaari
On foot | پیاده | پیاده | ብእግሪ | በእግር | Lugta
Boat | قایق | بېړۍ | ጃልባ | ጀልባ | Doon
Plane | هواپیما | الوتکه | ነፋሪት | አውሮፕላን | Diyaarad
Family or friends there | خانواده یا دوستان در آنجا | هلته کورنۍ یا ملګري | ኣብኡ ዘለዉ ስድራ ወይ ኣዕሩኽ | እዚያ ያሉ ቤተሰብ ወይም ጓደኞች | Qoys ama saaxiibbo halkaas jooga
Work | کار | کار | ስራሕ | ሥራ | Shaqo
Safety | امنیت | امنیت | ድሕንነት | ደህንነት | Badbaado
Asylum or rights | پناهندگی یا حقوق | پناه یا حقونه | ዑቕባ ወይ መሰላት | ጥገኝነት ወይም መብቶች | Magangalyo ama xuquuq
Education | تحصیل | زده کړه | ትምህርቲ | ትምህርት | Waxbarasho
Language | زبان | ژبه | ቋንቋ | ቋንቋ | Luqad
Economic reasons | دلایل اقتصادی | اقتصادي لاملونه | ቁጠባዊ ምኽንያታት | ኢኮኖሚያዊ ምክንያቶች | Sababo dhaqaale
Violence or conflict | خشونت یا درگیری | تاوتریخوالی یا جګړه | ዓመጽ ወይ ግጭት | ሁከት ወይም ግጭት | Rabshad ama colaad
Personal or family reasons | دلایل شخصی یا خانوادگی | شخصي یا کورني لاملونه | ውልቃዊ ወይ ስድራዊ ምኽንያታት | የግል ወይም የቤተሰብ ምክንያቶች | Sababo shakhsi ama qoys
Lack of rights or persecution | نبود حقوق یا آزار و تعقیب | د حقونو نشتوالی یا ځورونه | ስእነት መሰላት ወይ ስደት | የመብት እጦት ወይም ስደት | La'aanta xuquuq ama cadaadis
Lack of services | نبود خدمات | د خدمتونو نشتوالی | ስእነት ኣገልግሎታት | የአገልግሎት እጦት | La'aanta adeegyo
Environment or climate | محیط زیست یا اقلیم | چاپېریال یا اقلیم | ከባቢ ወይ ክሊማ | አካባቢ ወይም የአየር ንብረት | Deegaan ama cimilo
Myself | خودم | پخپله | ባዕለይ | ራሴ | Aniga
Family | خانواده | کورنۍ | ስድራ | ቤተሰብ | Qoys
Diaspora | مهاجران مقیم خارج | بهر مېشت | ዲያስፖራ | ዳያስፖራ | Qurbajoog
Returnees | بازگشتگان | راستانه شوي | ተመለስቲ | ተመላሾች | Dadka soo laabtay
Smugglers | قاچاقچیان | قاچاقبران | ሰብ ኣሕለፍቲ | ደላሎች | Musaafuriyaal
Social media | شبکه‌های اجتماعی | ټولنیزې رسنۍ | ማሕበራዊ ሚድያ | ማኅበራዊ ሚዲያ | Baraha bulshada
Savings | پس‌انداز | سپما | ቁጠባ | ቁጠባ | Kayd
Sold land, animals or goods | فروش زمین، دام یا کالا | د ځمکې، څارویو یا توکو پلورل | መሬት፡ እንስሳ ወይ ንብረት ምሻጥ | መሬት፣ እንስሳት ወይም ዕቃ መሸጥ | Iibinta dhul, xoolo ama alaab
Loan | وام | پور | ልቓሕ | ብድር | Deyn
Work along the way | کار در طول مسیر | په لاره کې کار | ኣብ መገዲ ስራሕ | በመንገድ ላይ ሥራ | Shaqo wadada lagu qabtay
Family or friends at home | خانواده یا دوستان در کشور | په هېواد کې کورنۍ یا ملګري | ኣብ ዓዲ ዘለዉ ስድራ ወይ ኣዕሩኽ | በአገር ቤት ያሉ ቤተሰብ ወይም ጓደኞች | Qoys ama saaxiibbo dalka jooga
Diaspora abroad | مهاجران در خارج | په بهر کې مېشت | ኣብ ወጻኢ ዘሎ ዲያስፖራ | በውጭ ያለ ዳያስፖራ | Qurbajoogta dibadda
Other migrants | مهاجران دیگر | نور مهاجرین | ካልኦት ስደተኛታት | ሌሎች ስደተኞች | Muhaajiriin kale
Social media or messaging apps | شبکه‌های اجتماعی یا پیام‌رسان‌ها | ټولنیزې رسنۍ یا د پیغام اپونه | ማሕበራዊ ሚድያ ወይ መልእኽቲ ኣፕ | ማኅበራዊ ሚዲያ ወይም የመልእክት መተግበሪያዎች | Baraha bulshada ama barnaamijyada fariimaha
NGOs or UN agencies | سازمان‌های غیردولتی یا نهادهای سازمان ملل | نادولتي موسسې یا د ملګرو ملتونو ادارې | ዘይመንግስታዊ ትካላት ወይ ትካላት ሕቡራት ሃገራት | መንግሥታዊ ያልሆኑ ድርጅቶች ወይም የተባበሩት መንግሥታት ኤጀንሲዎች | Hay'adaha aan dowliga ahayn ama QM
Authorities | مقامات | چارواکي | ሰበ-ስልጣን | ባለሥልጣናት | Mas'uuliyiinta
Radio or TV | رادیو یا تلویزیون | راډیو یا تلویزیون | ሬድዮ ወይ ቴሌቪዥን | ሬዲዮ ወይም ቴሌቪዥን | Raadiyo ama TV
Death at sea | مرگ در دریا | په سمندر کې مړینه | ኣብ ባሕሪ ሞት | በባሕር ላይ ሞት | Dhimasho badda
Death in the desert | مرگ در بیابان | په دښته کې مړینه | ኣብ በረኻ ሞት | በበረሃ ሞት | Dhimasho lamadegaanka
Detention | بازداشت | توقیف | ማእሰርቲ | እስር | Xabsi
Kidnapping | آدم‌ربایی | تښتونه | ምጭዋይ | አፈና | Afduub
Violence | خشونت | تاوتریخوالی | ዓመጽ | ሁከት | Rabshad
Sexual violence | خشونت جنسی | جنسي تاوتریخوالی | ጾታዊ ዓመጽ | ጾታዊ ጥቃት | Rabshad galmo
Exploitation | بهره‌کشی | استثمار | ምዝማዝ | ብዝበዛ | Ka faa'iideysi
Robbery | سرقت | غلا | ዝምታ | ዝርፊያ | Dhac
For the whole journey | برای کل سفر | د ټول سفر لپاره | ንምሉእ ጉዕዞ | ለሙሉ ጉዞው | Safarka oo dhan
For part of it | برای بخشی از آن | د هغې د یوې برخې لپاره | ንገለ ክፋል | ለከፊሉ | Qayb ka mid ah
No | نه | نه | ኣይፋል | አይ | Maya
The smuggler approached me | قاچاقچی سراغ من آمد | قاچاقبر ما ته راغی | እቲ ኣሕላፊ ባዕሉ ቀሪቡኒ | ደላላው ራሱ ቀረበኝ | Musaafuriyaha ayaa ii yimid
Through friends or family | از طریق دوستان یا خانواده | د ملګرو یا کورنۍ له لارې | ብኣዕሩኽ ወይ ስድራ | በጓደኞች ወይም በቤተሰብ በኩል | Saaxiibbo ama qoys
Through other migrants | از طریق مهاجران دیگر | د نورو مهاجرینو له لارې | ብኻልኦት ስደተኛታት | በሌሎች ስደተኞች በኩል | Muhaajiriin kale
Through social media | از طریق شبکه‌های اجتماعی | د ټولنیزو رسنیو له لارې | ብማሕበራዊ ሚድያ | በማኅበራዊ ሚዲያ | Baraha bulshada
At a hub (station, ghetto, connection house) | در یک مرکز (ایستگاه، گتو، خانه ارتباط) | په یوه مرکز کې (تمځای، ګېټو، د نښلولو کور) | ኣብ ማእከል (መደበር፡ ጌቶ፡ ገዛ ምትእኽኻብ) | በማዕከል (ጣቢያ፣ ጌቶ፣ የመገናኛ ቤት) | Xarun (saldhig, geeto, guri isku xira)
Transport | حمل‌ونقل | ترانسپورت | መጓዓዝያ | ትራንስፖርት | Gaadiid
Border crossing | عبور از مرز | له پولې تېرېدل | ምስጋር ዶብ | ድንበር መሻገር | Ka gudbidda xuduudda
Lodging | محل اقامت | استوګنځی | መደቀሲ | ማረፊያ | Hoy
Food and water | غذا و آب | خواړه او اوبه | መግብን ማይን | ምግብና ውሃ | Cunto iyo biyo
Documents | مدارک | اسناد | ሰነዳት | ሰነዶች | Dukumeentiyo
Paying officials | پرداخت به مأموران | چارواکو ته پیسې ورکول | ንሰበ-ስልጣን ምኽፋል | ለባለሥልጣናት መክፈል | Lacag siinta saraakiisha
Information | اطلاعات | معلومات | ሓበሬታ | መረጃ | Macluumaad
Protection | حفاظت | ساتنه | ሓለዋ | ጥበቃ | Ilaalin
A place on a boat | جایی در قایق | په بېړۍ کې ځای | ቦታ ኣብ ጃልባ | በጀልባ ላይ ቦታ | Boos doon saaran
Per leg | برای هر مرحله | د هرې برخې لپاره | ብመድረኽ | በየደረጃው | Marxalad kasta
Whole journey | کل سفر | ټول سفر | ምሉእ ጉዕዞ | ሙሉ ጉዞ | Safarka oo dhan
Cash in advance, leg by leg | نقد و پیش از هر مرحله | نغدې مخکې، برخه په برخه | ብጥረ ገንዘብ ቅድሚ ነፍሲ ወከፍ መድረኽ | በጥሬ ገንዘብ በቅድሚያ፣ በየደረጃው | Lacag caddaan ah horay, marxalad marxalad
Cash on arrival | نقد هنگام رسیدن | د رسېدو پر مهال نغدې | ብጥረ ገንዘብ ምስ በጻሕካ | ሲደርሱ በጥሬ ገንዘብ | Lacag caddaan ah markaad gaarto
Through a guarantor or hawala | از طریق ضامن یا حواله | د ضامن یا حوالې له لارې | ብዋሕስ ወይ ሓዋላ | በዋስ ወይም በሐዋላ | Dammiin ama xawaalad
Mobile money or bank | پول موبایلی یا بانک | موبایلي پیسې یا بانک | ብሞባይል ገንዘብ ወይ ባንኪ | በሞባይል ገንዘብ ወይም በባንክ | Lacag moobayl ama bangi
Work or in kind | کار یا جنس | کار یا جنس | ብስራሕ ወይ ብዓይነት | በሥራ ወይም በዓይነት | Shaqo ama alaab
Family at home | خانواده در کشور | په هېواد کې کورنۍ | ስድራ ኣብ ዓዲ | በአገር ቤት ያለ ቤተሰብ | Qoyska dalka jooga
Family or friends abroad | خانواده یا دوستان در خارج | په بهر کې کورنۍ یا ملګري | ኣብ ወጻኢ ዘለዉ ስድራ ወይ ኣዕሩኽ | በውጭ ያሉ ቤተሰብ ወይም ጓደኞች | Qoys ama saaxiibbo dibadda jooga
Partly | تا حدی | تر یوه حده | ብኸፊል | በከፊል | Qayb ahaan
<p>Only whether something happened, never details. "You or people travelling with you" is fine. If the person is distressed, stop and follow the distress protocol.</p> | <p>فقط اینکه آیا چیزی اتفاق افتاده، هرگز جزئیات. «شما یا همسفرانتان» کافی است. اگر فرد پریشان شد، متوقف شوید و از پروتکل پریشانی پیروی کنید.</p> | <p>یوازې دا چې کومه پېښه شوې که نه، هېڅکله جزئیات نه. «تاسو یا ستاسو همسفري» بس دي. که کس خپه شو، ودرېږئ او د خپګان پروتوکول تعقیب کړئ.</p> | <p>ነገር ኣጋጢሙ እንተኾይኑ ጥራይ፡ ዝርዝር ፈጺሙ ኣይኮነን። «ንስኻ ወይ ምሳኻ ዝጓዓዙ» ይኣክል። እቲ ሰብ እንተተጨኒቑ ኣቋርጽ፡ ነቲ ፕሮቶኮል ጭንቀት ተኸተል።</p> | <p>አንድ ነገር መድረሱን ብቻ፣ ዝርዝር በጭራሽ። «እርስዎ ወይም አብረውዎት የተጓዙ ሰዎች» በቂ ነው። ሰውየው ከተጨነቀ ያቁሙና የጭንቀት ፕሮቶኮሉን ይከተሉ።</p> | <p>Kaliya haddii wax dhaceen, weligaa faahfaahin. "Adiga ama dadka kula socday" waa ku filan. Haddii qofku walwalo, jooji oo raac habka walwalka.</p>
Death of a travel companion | مرگ یکی از همسفران | د یوه همسفر مړینه | ሞት ብጻይ ጉዕዞ | የጉዞ ጓደኛ ሞት | Dhimashada qof kula safrayay
Physical violence | خشونت جسمی | فزیکي تاوتریخوالی | ኣካላዊ ዓመጽ | አካላዊ ጥቃት | Rabshad jireed
Extortion | اخاذی | زورګیري | ምምንዛዕ | ቅሚያ | Lacag ku qaadasho cabsi
Forced or unpaid work | کار اجباری یا بی‌مزد | جبري یا بې مزدې کار | ግዱድ ወይ ብዘይ ክፍሊት ስራሕ | የግዳጅ ወይም ያልተከፈለ ሥራ | Shaqo qasab ah ama aan la bixin
Being held against one's will | نگه‌داشتن برخلاف میل | د خپلې خوښې پرته ساتل | ብዘይ ፍቓድ ምሓዝ | ያለፈቃድ መያዝ | In lagu hayo iyadoo aan la rabin
Denial of food, water or medical care | محرومیت از غذا، آب یا مراقبت پزشکی | له خوړو، اوبو یا طبي پاملرنې بې برخې کول | ምኽልካል መግቢ፡ ማይ ወይ ሕክምና | ምግብ፣ ውሃ ወይም ሕክምና መከልከል | Diidmada cunto, biyo ama daryeel caafimaad
Abandonment | رها شدن | پرېښودل | ምጥላም | መተው | Ka tagid
Criminal gangs | باندهای جنایتکار | جنایي ډلې | ገበነኛታት ጉጅለታት | የወንጀል ቡድኖች | Burcad dambiilayaal ah
Police | پلیس | پولیس | ፖሊስ | ፖሊስ | Booliis
Military | نظامیان | پوځ | ሰራዊት | ወታደሮች | Ciidan
Border officials | مأموران مرزی | د پولې چارواکي | ሰበ-ስልጣን ዶብ | የድንበር ባለሥልጣናት | Saraakiisha xuduudda
Armed groups | گروه‌های مسلح | وسله والې ډلې | ዕጡቓት ጉጅለታት | የታጠቁ ቡድኖች | Kooxo hubeysan
Employers | کارفرمایان | کارګمارونکي | ኣስራሕቲ | አሠሪዎች | Loo-shaqeeyayaal
Local residents | ساکنان محلی | سیمه ییز اوسېدونکي | ነበርቲ ከባቢ | የአካባቢው ነዋሪዎች | Dadka deegaanka
Unknown | نامعلوم | نامعلوم | ዘይፍለጥ | የማይታወቅ | Lama yaqaan
Cash | پول نقد | نغدې پیسې | ጥረ ገንዘብ | ጥሬ ገንዘብ | Lacag caddaan ah
Shelter | سرپناه | سرپناه | መጽለሊ | መጠለያ | Hoy
Health care | مراقبت بهداشتی | روغتیایی پاملرنه | ክንክን ጥዕና | የጤና እንክብካቤ | Daryeel caafimaad
Psychosocial support | حمایت روانی-اجتماعی | رواني ټولنیز ملاتړ | ስነ-ኣእምሮኣዊ ማሕበራዊ ደገፍ | የሥነ ልቦና ማኅበራዊ ድጋፍ | Taageero nafsi iyo bulsho
Legal or asylum information | اطلاعات حقوقی یا پناهندگی | حقوقي یا د پناه معلومات | ሕጋዊ ወይ ናይ ዑቕባ ሓበሬታ | የሕግ ወይም የጥገኝነት መረጃ | Macluumaad sharci ama magangalyo
Contact with family | تماس با خانواده | له کورنۍ سره اړیکه | ርክብ ምስ ስድራ | ከቤተሰብ ጋር ግንኙነት | Xiriir qoys
Information on return | اطلاعات درباره بازگشت | د راستنېدو په اړه معلومات | ሓበሬታ ብዛዕባ ምምላስ | ስለ መመለስ መረጃ | Macluumaad ku saabsan ku noqoshada
Religious groups | گروه‌های مذهبی | مذهبي ډلې | ሃይማኖታዊ ጉጅለታት | የሃይማኖት ቡድኖች | Kooxo diimeed
Continue the journey | ادامه سفر | سفر ته دوام | ጉዕዞ ምቕጻል | ጉዞውን መቀጠል | Sii wadista safarka
Stay here | ماندن در اینجا | دلته پاتې کېدل | ኣብዚ ምጽናሕ | እዚህ መቆየት | Halkan joogid
Return home | بازگشت به کشور | هېواد ته راستنېدل | ናብ ዓዲ ምምላስ | ወደ አገር መመለስ | Ku noqosho dalka
Offered and taken | پیشنهاد و پذیرفته شد | وړاندې او ومنل شو | ቀሪቡ ተወሲዱ | ቀረበ፣ ተወሰደ | La bixiyay waana la qaatay
Offered, declined | پیشنهاد شد، رد شد | وړاندې شو، ونه منل شو | ቀሪቡ፡ ተነጺጉ | ቀረበ፣ አልተቀበለም | La bixiyay, waa la diiday
Enumerator: your sex (the sexual-violence item is asked only when it is the respondent’s) | مصاحبه‌گر: جنسیت شما (مورد خشونت جنسی فقط وقتی پرسیده می‌شود که با جنسیت پاسخ‌دهنده یکی باشد) | مرکه کوونکی: ستاسو جنس (د جنسي تاوتریخوالي پوښتنه یوازې هغه وخت کېږي چې د ځواب ورکوونکي له جنس سره یو وي) | ኣካይዲ መጽናዕቲ፡ ጾታኻ (ሕቶ ጾታዊ ዓመጽ ጾታኻ ምስ ናይቲ መላሲ ሓደ እንተኾይኑ ጥራይ ይሕተት) | ጠያቂ፦ ጾታዎ (የጾታዊ ጥቃት ጥያቄ የሚጠየቀው ጾታዎ ከመላሹ ጋር አንድ ሲሆን ብቻ ነው) | Wareysiye: jinsigaaga (su'aasha xadgudubka galmada waxaa la weydiiyaa oo keliya marka uu la mid yahay kan jawaabaha)
Mauritania | موریتانی | موریتانیا | ማውሪታንያ | ሞሪታኒያ | Muritaaniya
Sierra Leone | سیرالئون | سیرالیون | ሴራ ልዮን | ሴራ ሊዮን | Siiraaliyoon
Benin | بنین | بینین | ቤኒን | ቤኒን | Beniin
DR Congo | جمهوری دموکراتیک کنگو | د کانګو دیموکراتیک جمهوریت | ደሞክራሲያዊት ሪፓብሊክ ኮንጎ | ዲሞክራቲክ ሪፐብሊክ ኮንጎ | Jamhuuriyadda Dimuqraadiga Kongo
Yemen | یمن | یمن | የመን | የመን | Yaman
Palestine | فلسطین | فلسطین | ፍልስጤም | ፍልስጤም | Falastiin
Countries you passed through, in order (one leg each; the same country twice if you went back) | کشورهایی که از آن‌ها گذشتید، به ترتیب (هر کدام یک مرحله؛ اگر برگشتید، همان کشور دو بار) | هغه هېوادونه چې ترې تېر شوئ، په ترتیب سره (هر یو یوه برخه؛ که بېرته تللي یاست، هماغه هېواد دوه ځله) | ዝሓለፍካየን ሃገራት ብቕደም ሰዓብ (ነፍሲ ወከፍ ሓደ መድረኽ፡ እንተተመሊስካ ሓንቲ ሃገር ክልተ ግዜ) | ያለፉባቸው አገሮች በቅደም ተከተል (እያንዳንዱ አንድ ደረጃ፤ ከተመለሱ አንድ አገር ሁለት ጊዜ) | Dalalka aad soo martay, siday u kala horreeyaan (mid kasta hal marxalad; isla dalka laba jeer haddii aad dib ugu noqotay)
Add the next country | کشور بعدی را اضافه کنید | بل هېواد زیات کړئ | ዝቕጽል ሃገር ወስኽ | ቀጣዩን አገር ያክሉ | Ku dar dalka xiga
Other country: which? | کشور دیگر: کدام؟ | بل هېواد: کوم؟ | ካልእ ሃገር፡ ኣየናይ? | ሌላ አገር፦ የትኛው? | Dal kale: kee?
How many times have you tried to cross the sea on this journey? (you do not have to answer) | در این سفر چند بار تلاش کردید از دریا عبور کنید؟ (مجبور به پاسخ نیستید) | په دې سفر کې مو څو ځله هڅه کړې چې له سمندر تېر شئ؟ (ځواب ورکول اړین نه دي) | ኣብዚ ጉዕዞ ክንደይ ግዜ ባሕሪ ክትሰግር ፈቲንካ? (ክትምልስ ግዴታ የብልካን) | በዚህ ጉዞ ባሕሩን ለማቋረጥ ስንት ጊዜ ሞክረዋል? (መመለስ ግዴታ አይደለም) | Safarkan immisa jeer ayaad isku dayday inaad badda gudubto? (kuma khasbana inaad ka jawaabto)
Never | هرگز | هېڅکله | ፈጺሙ | በጭራሽ | Weligey
Once | یک بار | یو ځل | ሓደ ግዜ | አንድ ጊዜ | Hal mar
2 or 3 times | ۲ یا ۳ بار | ۲ یا ۳ ځله | 2 ወይ 3 ግዜ | 2 ወይም 3 ጊዜ | 2 ama 3 jeer
4 times or more | ۴ بار یا بیشتر | ۴ ځله یا زیات | 4 ግዜ ወይ ልዕሊኡ | 4 ጊዜ ወይም ከዚያ በላይ | 4 jeer ama ka badan
At sea, did any of these happen? (each is a different event) | در دریا، آیا هیچ‌یک از این‌ها اتفاق افتاد؟ (هر کدام رویدادی جداست) | په سمندر کې، ایا له دې څخه کومه پېښه وشوه؟ (هره یوه بېله پېښه ده) | ኣብ ባሕሪ፡ ካብዚኦም ገለ ኣጋጢሙዶ? (ነፍሲ ወከፎም ፍሉይ ፍጻመ እዩ) | በባሕር ላይ ከእነዚህ አንዱ ደርሷል? (እያንዳንዱ የተለየ ክስተት ነው) | Badda dhexdeeda, miyay wax ka mid ah kuwan dhaceen? (mid kasta waa dhacdo gaar ah)
Rescued at sea and brought to shore | در دریا نجات یافتید و به ساحل آورده شدید | په سمندر کې وژغورل شوئ او ساحل ته راوړل شوئ | ኣብ ባሕሪ ድሒንካ ናብ ገምገም ባሕሪ ተወሲድካ | በባሕር ላይ ተርፈው ወደ ዳርቻ ተወሰዱ | Badda laga soo badbaadiyay oo xeebta la keenay
Intercepted at sea and taken back to the country you left from (pull-back) | در دریا متوقف شدید و به کشوری که از آن حرکت کرده بودید برگردانده شدید | په سمندر کې ونیول شوئ او هغه هېواد ته بېرته یوړل شوئ چې ترې وتلي وئ | ኣብ ባሕሪ ተታሒዝካ ናብታ ዝወጻእካላ ሃገር ተመሊስካ | በባሕር ላይ ተይዘው ወደ ተነሱበት አገር ተመለሱ | Badda lagu qabtay oo dib loogu celiyay dalkii aad ka ambabaxday
Pushed back by the authorities of the country you were trying to reach (push-back) | توسط مقامات کشوری که می‌خواستید به آن برسید پس رانده شدید | د هغه هېواد چارواکو بېرته وشړلئ چې غوښتل مو ورسېږئ | ብሰበ-ስልጣን እታ ክትበጽሓ እትፍትን ዝነበርካ ሃገር ተደፊእካ | ሊደርሱበት በሞከሩት አገር ባለሥልጣናት ተገፍተው ተመለሱ | Waxaa dib kuu riixay maamulka dalkii aad isku dayaysay inaad gaarto
The boat broke down or sank and you returned by yourselves | قایق خراب شد یا غرق شد و خودتان برگشتید | بېړۍ خرابه شوه یا ډوبه شوه او پخپله بېرته راغلئ | ጃልባ ተበላሽያ ወይ ጠሓላ ባዕልኹም ተመሊስኩም | ጀልባው ተበላሸ ወይም ሰጠመ እና በራሳችሁ ተመለሳችሁ | Doontu way xumaatay ama way degtay oo keligiin ayaad soo noqoteen
One | یک | یو | ሓደ | አንድ | Hal
Two | دو | دوه | ክልተ | ሁለት | Laba
3 or 4 | ۳ یا ۴ | ۳ یا ۴ | 3 ወይ 4 | 3 ወይም 4 | 3 ama 4
5 or more | ۵ یا بیشتر | ۵ یا زیات | 5 ወይ ልዕሊኡ | 5 ወይም ከዚያ በላይ | 5 ama ka badan
In which currency did you pay (most)? | با کدام واحد پول (بیشتر) پرداخت کردید؟ | په کومې اسعارو مو (ډېری) پیسې ورکړې؟ | ብኣየናይ ባጤራ (ብዝበዝሐ) ከፊልካ? | በየትኛው ገንዘብ (በአብዛኛው) ከፈሉ? | Lacagtee ayaad (inta badan) ku bixisay?
How much did you pay in total so far, in that currency? | تاکنون در مجموع چقدر به آن واحد پول پرداخته‌اید؟ | تر اوسه مو په هغه اسعارو ټول څومره ورکړي؟ | ክሳብ ሕጂ ብድምር ክንደይ ብኡ ባጤራ ከፊልካ? | እስካሁን በዚያ ገንዘብ በጠቅላላ ምን ያህል ከፈሉ? | Intee ayaad wadar ahaan ku bixisay lacagtaas ilaa hadda?
Cost in US dollars (indicative rates, see versionNotes.costRates) | هزینه به دلار آمریکا (نرخ‌های تقریبی) | لګښت په امریکايي ډالرو (اټکلي نرخونه) | ዋጋ ብዶላር ኣሜሪካ (ግምታዊ ተመን) | ወጪ በአሜሪካ ዶላር (ግምታዊ ምንዛሪ) | Kharashka oo doollar Mareykan ah (sicir qiyaasi ah)
<p>Only whether something happened, where and by whom, never details. First what happened to the respondent, then what they saw happen to others. The journey counts only within the last two years. If the person is distressed, stop and follow the distress protocol.</p> | <p>فقط اینکه چیزی اتفاق افتاده، کجا و توسط چه کسی، هرگز جزئیات. اول آنچه برای خود پاسخ‌دهنده رخ داده، سپس آنچه دیده برای دیگران رخ داده. فقط سفر دو سال گذشته حساب می‌شود. اگر فرد پریشان است، متوقف شوید و پروتکل پریشانی را دنبال کنید.</p> | <p>یوازې دا چې کومه پېښه شوې، چېرې او د چا لخوا، هېڅکله جزئیات نه. لومړی هغه څه چې پخپله ځواب ورکوونکي ته پېښ شوي، بیا هغه چې نورو ته یې پېښېدل لیدلي. یوازې د تېرو دوو کلونو سفر حسابېږي. که سړی پرېشانه وي، ودرېږئ او د پرېشانۍ پروتوکول تعقیب کړئ.</p> | <p>ነገር ኣጋጢሙ እንተኾይኑ፡ ኣበይን ብመንን ጥራይ፡ ዝርዝር ፈጺሙ። መጀመርታ ኣብቲ መላሲ ዘጋጠመ፡ ድሕሪኡ ኣብ ካልኦት ክፍጸም ዝረኣዮ። ናይ ዝሓለፉ ክልተ ዓመት ጉዕዞ ጥራይ ይቑጸር። እቲ ሰብ እንተተጨኒቑ፡ ኣቋርጽ፡ መምርሒ ጭንቀት ስዓብ።</p> | <p>አንድ ነገር መድረሱን፣ የትና በማን ብቻ እንጂ ዝርዝር በጭራሽ። መጀመሪያ በመላሹ ላይ የደረሰውን፣ ከዚያ በሌሎች ላይ ሲደርስ ያየውን። የሚቆጠረው ባለፉት ሁለት ዓመታት የተደረገ ጉዞ ብቻ ነው። ሰውየው ከተጨነቀ ያቁሙና የጭንቀት ፕሮቶኮሉን ይከተሉ።</p> | <p>Kaliya haddii wax dhaceen, halkee iyo yaa sameeyay, weligood faahfaahin. Marka hore waxa ku dhacay jawaabaha laftiisa, kadibna waxa uu arkay oo ku dhacay dad kale. Safarka labadii sano ee la soo dhaafay oo keliya ayaa la tiriyaa. Haddii qofku walwalsan yahay, jooji oo raac habraaca walwalka.</p>
On your journey, in the last two years, did any of these happen to you yourself? | در سفرتان، در دو سال گذشته، آیا هیچ‌یک از این‌ها برای خود شما اتفاق افتاد؟ | په خپل سفر کې، په تېرو دوو کلونو کې، ایا له دې څخه کومه یوه پخپله تاسو ته پېښه شوه؟ | ኣብ ጉዕዞኻ፡ ኣብ ዝሓለፉ ክልተ ዓመት፡ ካብዚኦም ገለ ኣባኻ ባዕልኻ ኣጋጢሙዶ? | በጉዞዎ፣ ባለፉት ሁለት ዓመታት፣ ከእነዚህ አንዱ በራስዎ ላይ ደርሷል? | Safarkaaga, labadii sano ee la soo dhaafay, miyay wax ka mid ah kuwan adiga laftaada kugu dhaceen?
Detention by the authorities (in a detention centre or prison) | بازداشت توسط مقامات (در بازداشتگاه یا زندان) | د چارواکو لخوا توقیف (په توقیف ځای یا زندان کې) | ብሰበ-ስልጣን ምእሳር (ኣብ መእሰሪ ማእከል ወይ ቤት ማእሰርቲ) | በባለሥልጣናት መታሰር (በማቆያ ማዕከል ወይም እስር ቤት) | Xarig ay sameeyeen maamulka (xarun lagu hayo ama xabsi)
Held against your will by people who are not the authorities (for example for ransom) | نگه داشته شدن برخلاف میلتان توسط کسانی که مقامات نیستند (مثلاً برای باج) | ستاسو د خوښې پرته د هغو کسانو لخوا ساتل کېدل چې چارواکي نه دي (د بېلګې په توګه د تاوان لپاره) | ብዘይ ፍቓድካ ብሰበ-ስልጣን ብዘይኮኑ ሰባት ምሓዝ (ንኣብነት ንበጃ) | ባለሥልጣናት ባልሆኑ ሰዎች ያለፈቃድዎ መያዝ (ለምሳሌ ለቤዛ) | Lagu hayo adoon raalli ka ahayn, dad aan maamul ahayn (tusaale ahaan madax-furasho)
On the same journey, did you see any of these happen to people travelling with you or to others? | در همین سفر، آیا دیدید هیچ‌یک از این‌ها برای همسفرانتان یا دیگران اتفاق بیفتد؟ | په همدې سفر کې، ایا مو ولیدل چې له دې څخه کومه یوه ستاسو همسفرو یا نورو ته پېښه شوه؟ | ኣብቲ ሓደ ጉዕዞ፡ ካብዚኦም ገለ ኣብቶም ምሳኻ ዝጓዓዙ ወይ ኣብ ካልኦት ክፍጸም ርኢኻዶ? | በዚያው ጉዞ፣ ከእነዚህ አንዱ አብረውዎት በተጓዙ ወይም በሌሎች ላይ ሲደርስ አይተዋል? | Isla safarkaas, ma aragtay wax ka mid ah kuwan oo ku dhacaya dadka kula socday ama dad kale?
Enumerator: did the respondent show distress during or at the end of the interview? | مصاحبه‌گر: آیا پاسخ‌دهنده در طول یا پایان مصاحبه نشانه‌های پریشانی داشت؟ | مرکه کوونکی: ایا ځواب ورکوونکي د مرکې پر مهال یا په پای کې د پرېشانۍ نښې وښودې؟ | ኣካይዲ መጽናዕቲ፡ እቲ መላሲ ኣብ እዋን ወይ መወዳእታ ቃለ-መሕትት ምልክት ጭንቀት ኣርእዩዶ? | ጠያቂ፦ መላሹ በቃለ መጠይቁ ወቅት ወይም መጨረሻ የጭንቀት ምልክት አሳየ? | Wareysiye: jawaabuhu ma muujiyay walwal inta lagu jiro ama dhammaadka wareysiga?
Yes: the distress protocol was followed and a referral made | بله: پروتکل پریشانی اجرا و ارجاع انجام شد | هو: د پرېشانۍ پروتوکول تعقیب او ارجاع وشوه | እወ፡ መምርሒ ጭንቀት ተኸቲሉ ምሕላፍ ተገይሩ | አዎ፦ የጭንቀት ፕሮቶኮሉ ተከትሎ ሪፈራል ተደርጓል | Haa: habraaca walwalka waa la raacay waana la gudbiyay
Yes: the distress protocol was followed; referral declined | بله: پروتکل پریشانی اجرا شد؛ ارجاع رد شد | هو: د پرېشانۍ پروتوکول تعقیب شو؛ ارجاع ونه منل شوه | እወ፡ መምርሒ ጭንቀት ተኸቲሉ፤ ምሕላፍ ተነጺጉ | አዎ፦ የጭንቀት ፕሮቶኮሉ ተከትሏል፤ ሪፈራሉ አልተቀበለም | Haa: habraaca walwalka waa la raacay; gudbinta waa la diiday
Choose one of the reasons given above | یکی از دلایلی را که در بالا گفتید انتخاب کنید | له هغو لاملونو څخه یو وټاکئ چې پورته مو وویل | ካብቶም ኣብ ላዕሊ ዝሃብካዮም ምኽንያታት ሓደ ምረጽ | ከላይ ከሰጧቸው ምክንያቶች አንዱን ይምረጡ | Dooro mid ka mid ah sababaha aad kor ku sheegtay
`;

export const GLOSSARY_LANGUAGES = ['fa', 'ps', 'ti', 'am', 'so'] as const;
export type GlossaryLang = (typeof GLOSSARY_LANGUAGES)[number];

export const GLOSSARY: ReadonlyMap<string, Record<GlossaryLang, string>> = new Map(
  TABLE.trim()
    .split('\n')
    .map((line) => {
      const cells = line.split(' | ').map((s) => s.trim());
      if (cells.length !== GLOSSARY_LANGUAGES.length + 1 || cells.some((s) => s === ''))
        throw new Error(`scoping glossary: malformed line: ${line}`);
      const [en, ...rest] = cells as [string, ...string[]];
      return [en, Object.fromEntries(GLOSSARY_LANGUAGES.map((l, i) => [l, rest[i]!])) as Record<GlossaryLang, string>];
    }),
);
