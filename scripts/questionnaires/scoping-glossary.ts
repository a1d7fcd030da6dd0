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
