"""Words that mark page furniture on Russian, Kazakh and English news sites.

Kept as data, apart from the rules, so that adding a phrase never touches a rule's logic.
Every pattern is matched case-insensitively against a whole (stripped) line unless noted.
"""

from __future__ import annotations

WEEKDAYS_SHORT = {
    # ru
    "пн",
    "вт",
    "ср",
    "чт",
    "пт",
    "сб",
    "вс",
    # kk: Дүйсенбі, Сейсенбі, Сәрсенбі, Бейсенбі, Жұма, Сенбі, Жексенбі
    "дс",
    "сс",
    "бс",
    "жм",
    "сн",
    "жс",
    # en
    "mo",
    "tu",
    "we",
    "th",
    "fr",
    "sa",
    "su",
    "mon",
    "tue",
    "wed",
    "thu",
    "fri",
    "sat",
    "sun",
}

WEEKDAYS = (
    "понедельник|вторник|среда|четверг|пятница|суббота|воскресенье|"
    "дүйсенбі|сейсенбі|сәрсенбі|бейсенбі|жұма|сенбі|жексенбі|"
    "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
)

# Month names in the forms a date line uses (nominative and genitive ru, kk, en).
MONTHS = (
    "январ[ья]|феврал[ья]|марта?|апрел[ья]|ма[йя]|июн[ья]|июл[ья]|августа?|сентябр[ья]|"
    "октябр[ья]|ноябр[ья]|декабр[ья]|"
    "қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан|"
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|"
    "янв|фев|мар|апр|июн|июл|авг|сен|сент|окт|ноя|дек"
)

# Headings of link sidebars: «Популярное», «Читайте также», "Most read" ...
LIST_HEADINGS = (
    r"популярное|популярные( новости| материалы)?|самое популярное|самое читаемое|"
    r"читайте( также| еще| ещё)?|смотрите также|(ссылки )?по теме|похожие( новости| материалы)?|"
    r"последние новости|новости( по теме| дня)?|лента новостей|все новости|главные новости|"
    r"другие новости|события дня|новости партн[её]ров|рекомендуем|выбор редакции|обсуждаемое|"
    r"интересное|материалы по теме|архив( новостей)?|топ( новостей)?|сейчас читают|"
    r"самые (популярные|читаемые|обсуждаемые)( новости| материалы| статьи)?|"
    r"популярное за (сутки|день|неделю|месяц)|"
    r"(ең )?көп (оқылған|қаралған)(дар)?( жаңалықтар| материалдар)?|соңғы жаңалықтар|"
    r"(барлық |басты )?жаңалықтар( лентасы)?|(тағы( да)?|сондай-ақ) оқыңыз|оқи отырыңыз|"
    r"ұқсас жаңалықтар|тақырыптас жаңалықтар|тақырып бойынша|"
    r"мұрағат|танымал( жаңалықтар| материалдар)?|"
    r"popular( news| posts| stories)?|most (read|popular|viewed|commented)|read (also|more)|"
    r"see also|related( news| stories| articles| posts)?|latest( news| stories)?|"
    r"more (news|stories)|top (news|stories)|trending( now| stories)?|editor'?s picks|archive|"
    r"you may also like|more (on|related to|about) this (story|topic)|"
    r"related to this (story|article)|"
    r"ещ[её] по теме|больше (новостей )?по теме|тақырыпқа қатысты( жаңалықтар| материалдар)?|"
    r"recommended|more from [\w ]+|наши проекты|біздің жобалар|our projects|"
    r"все (материалы|статьи|публикации)|барлық материалдар|all (stories|articles)|"
    r"главное( за (день|сутки|неделю))?|главные события|басты (оқиғалар|жаңалықтар)"
)

COMMENT_PROMPTS = (
    r"(оставить|добавить|написать|ваш|все|показать|скрыть|читать)( свой)? комментари[йиея]\w*|"
    r"комментари[ия]\s*\(?\d*\)?|комментариев\s*:?\s*\d+|(show|hide|view) (all )?comments|"
    r"пікірлерді (көрсету|оқу)|пікірлер саны\s*:?\s*\d+|"
    r"(ваш[аеи]?|your) (e-?mail|имя|name|город|city|сообщение|message)"
    r"( адрес| address)?\s*:?\s*\*?|"
    r"(атыңыз|электрондық пошта(ңыз)?)\s*:?\s*\*?|"
    r"(комментарий|comment|пікір(іңіз)?)\s*:\s*\*?|текст комментария .*|"
    r"(защитный|проверочный|security) код\w*\s*:?|(security|verification) code\s*:?|"
    r"введите (код|символы|цифры)\b.*|enter the (code|characters)\b.*|кодты енгізіңіз.*|"
    r"подтверждаю,? что (я )?(прочитал|ознакомил)\w* .*правил.*|"
    r"обсудить|комментировать|чтобы оставить комментарий.*|авторизуйтесь.*чтобы.*|"
    r"пікір( қалдыру| жазу|лер)?\s*\(?\d*\)?|пікір қалдыру үшін.*|"
    r"(leave|add|post|write) (a |your )?(comment|reply)|comments?\s*\(?\d*\)?|"
    r"log ?in to (comment|reply).*|be the first to comment.*|ответить|цитировать|"
    r"пожаловаться|reply|report( abuse)?|жауап беру|click to rate.*|rating\s*\(?[+-]?\d*\)?|"
    # a typo notice names the error or the selection; 'Ctrl+Enter no longer works' is news
    r"(?=.*(ошибк|опечатк|қате|typo|error|mistake|выдел|белгіле|highlight|select))"
    r".*ctrl\s*\+\s*enter.*|"
    r"нашли (ошибку|опечатку)\??( сообщите( нам)?.*)?|"
    r"сообщить об (ошибке|опечатке)|қате туралы хабарлау|report (a typo|an error)|"
    r"оцените,? (пожалуйста,? )?(материал|статью|новость)[.!]?( нам важно ваше мнение[.!]?)?|"
    r"(спасибо[.!]? )?ваш[аеи]? (мнение|голос) (учтен[оа]?|принят)[.!]?|"
    r"(мақаланы|жаңалықты) бағалаңыз|"
    r"понравил(ась|ся) (ли )?(статья|материал|новость)\??|"
    r"(был|была) ли (материал|статья|новость) (полезн|интересн)\w*\??|"
    r"rate this (article|story)|did you (like|enjoy) this (article|story)\??|"
    r"(found|spotted) (a typo|an error|a mistake)\??( let us know.*)?"
)

# A link to another article inside this one, its heading glued to its headline:
# 'Читайте также: Депутаты одобрили поправки', 'Сондай-ақ оқыңыз: …', 'Read also: …'.
READ_ALSO = (
    r"(также )?читайте( также| еще| ещё)?|смотрите также|см\. также|по теме|"
    r"(тағы( да)?|сондай-ақ) оқыңыз|оқи отырыңыз|тақырып бойынша|"
    r"read (also|more)|also read|see also|related( story| article)?"
)

# Links under a teaser: the paragraph above them is a preview of another article.
READ_MORE = (
    r"подробн(ее|ости)|читать (далее|дальше|полностью)|далее|полностью|толығырақ|"
    r"толық оқу|read more|more|continue reading|full story|czytaj (więcej|dalej)|"
    r"więcej|περισσότερα"
)

SHARE_BUTTONS = (
    r"поделиться( с друзьями)?|поделитесь|рассказать друзьям|досларыңызбен бөлісіңіз|"
    r"распечатать|печать|версия для печати|отправить другу|drukuj|"
    r"wydrukuj|εκτύπωση|"
    r"в закладки|бөлісу|басып шығару|share( this)?( article| story)?|print( this)?( article)?|"
    r"(добавить )?в избранное|таңдаулыға( қосу)?|add to favou?rites|"
    r"(скопировать|копировать) ссылку|ссылка скопирована|сілтемені көшіру|copy link|link copied|"
    r"share (on|via|to) \w+|"
    r"размер (шрифта|текста)|(увеличить|уменьшить) (шрифт|текст)|мәтін өлшемі|a\s?a\s?a|"
    r"переслать( другу)?|отправить( по почте| почтой)|"
    r"((de|in)crease )?(font|text) size( \w+ (font|text) size)?|"
    r"tweet|email|e-mail|email (this|to a friend)( article| story| page)?|"
    r"print (this page|version)|recommend|like|нравится|мне нравится|ұнайды|"
    r"(add|save) to (digg|del\.icio\.us|delicious|newsvine|reddit|stumbleupon|facebook|twitter|"
    r"myspace|kwoff|google( bookmarks)?)|"
    r"(user|article|story) tools|what are these\??|enlarge (this )?(image|photo|picture)|"
    r"увеличить (фото|изображение)"
)

# A news flash opening a ticker line.
NEWS_FLASH = (
    r"молния|срочно|срочная новость|шұғыл( хабар)?|жедел( хабар)?|breaking( news)?|just in|flash"
)

# The first link of a breadcrumb trail.
HOME_LINK = (
    r"главн(ая|ую)( страниц[ау])?|басты бет(ке)?|home( ?page)?|main page|start|strona główna|αρχική"
)

# What opens a breadcrumb trail that starts with no home link: «Вы здесь: Новости » Спорт».
YOU_ARE_HERE = (
    r"вы здесь|вы находитесь( здесь| на странице)?|сіз осындасыз|you are here|"
    r"jesteś tutaj|jesteś w|βρ[ίι]σκεστε εδ[ώω]|[εέ]ιστε εδ[ώω]"
)

SOCIAL_NETWORKS = (
    r"facebook|twitter|x|x\.com|vk|вконтакте|одноклассники|ok\.ru|telegram|телеграм|whatsapp|"
    r"viber|instagram|youtube|tiktok|linkedin|мой мир|livejournal|google\+|pinterest|rss|threads|"
    r"digg|del\.icio\.us|delicious|reddit|stumbleupon|newsvine|myspace"
)

SUBSCRIPTION = (
    # calls to the reader, not sentences about subscriptions ('Подписка на газеты подорожает')
    r"подписывайтесь|подпишитесь|подписывайся|подпишись|"
    r"подпис(аться|ка|ку) на (наш|нас|рассылку|обновления)|"
    r"следите за (нами|нашими|новостями)|читайте нас в|присоединяйтесь к нам|"
    r"наш(ем)? (telegram|телеграм)(-?канал\w*)?|біздің (telegram|телеграм)|on our telegram|"
    r"(предложить|прислать) (нам )?новость|пишите нам в (whatsapp|telegram|вотсап|телеграм)|"
    r"(стали|станете) очевидцем|присылайте (нам )?(фото|видео|новост)|жаңалық ұсыну|"
    r"send us (a )?(news )?tip|жазылыңыз|арнамызға|follow us|join us on|"
    r"subscribe (now|today|here|to (our|the \w+ newsletter|\w+ updates))|"
    r"sign[ -]?up (now |today )?(for|to) (our|free|daily|weekly|\w+ (newsletter|alerts))|"
    r"(our|free|daily|weekly|e-?mail) newsletters?|"
    # a menu item: the word opens the line or follows a bar, with a few words at most after it
    r"(^\W*|[|•·/]\s*)((subscri\w*|sign[ -]?up|newsletters?)\b(\W+\w+){0,4}|"
    r"(подписк[аи]|подписаться|рассылк[аи]|жазылу)\b(\W+\w+){0,2})[\s:|»>→*!]*$"
)

# A rights notice ends its sentence ('all rights reserved under the deal' is an article's);
# a media outlet's registration (Roskomnadzor's, Kazakhstan's). Both are copyright_footer lines
# and both mark the site footer (SITE_FOOTER).
RIGHTS_NOTICE = (
    r"(все права (на материалы )?(защищены|сохранены|охраняются)|барлық құқықтар қорғалған|"
    r"all rights reserved)\s*([.!;|]|$)"
)
MEDIA_REGISTRATION = (
    r"зарегистрировано в федеральной службе|свидетельство о (регистрации|постановке на учет) "
    r"(сми|средства массовой информации|периодического)|бақ ретінде есепке (қою|алу) туралы куәлік"
)

COPYRIGHT = (
    # 'copyright' opens the notice or comes with the sign or a year ('copyright infringement'
    # is news)
    rf"©|\(c\)\s*\d{{4}}|^copyright\b|copyright\s*(©|\(c\)|\d{{4}})|{RIGHTS_NOTICE}|"
    r"при (использовании|цитировании|копировании) материалов|"
    r"перепечатка .*запрещена|использование материалов .*разрешается|"
    r"материалдар(ды|ын) пайдалан(ған( кезде)?|ғанда)|мнение редакции может не совпадать|"
    r"редакция(ның)? .*(пікірі|көзқарасы)|(исключительные )?права на (материалы|контент)|"
    r"(цитирование|использование|перепечатка|воспроизведение) .{0,80}(допускается|разрешается|"
    rf"запрещено|запрещается|возможно)|{MEDIA_REGISTRATION}|"
    r"^\W*(0|6|12|16|18)\+\W*$|(содержать|содержит) материалы (0|6|12|16|18)\+|"
    r"рұқсатсыз (көшіруге|пайдалануға) тыйым салынады|reproduction .{0,60}(prohibited|permitted)|"
    r"комментари\w* .{0,60}(модерир|модератор|редактирован)|правовые ограничения"
)

SITE_NOTICES = (
    r"(в )?вашем браузере (отключен|выключен).*|включите javascript.*|"
    r"(эта|данная) страница (оптимально|лучше всего) работает.*|"
    r"((please|you need to) )?enable javascript.*|ads by google|google ads|"
    r"(photos?|videos?|фото|видео)\s*\(\s*\d+\s*\)|your browser (does not|doesn't) support.*|"
    r"this (page|site) works best.*|мы используем (файлы )?cookie.*|we use cookies.*|"
    r"cookie-файлдарды пайдаланамыз.*|реклама|advertisement|жарнама|на правах рекламы|"
    r"skip to (the )?(main )?(content|navigation|search)|skip navigation|"
    r"перейти к (основному )?(содержанию|содержимому|контенту)|"
    r"поиск по сайту|search (this )?site|іздеу|загрузка\.*|loading( comments)?\.*|жүктелуде\.*|"
    r"версия для слабовидящих|мобильная версия|(полная|мобильная) версия сайта|"
    r"нашар көретіндерге арналған нұсқа|мобильді нұсқа|mobile (version|site)|"
    r"реклама на сайте|размещение рекламы|сайттағы жарнама|advertise( with us)?|"
    r"((вход|войти|регистрация|кіру|тіркелу|log ?in|sign (in|up)|register)( \| |/| )?){1,2}|"
    r"(войти|кіру) через \w+|sign in with \w+|"
    r"(читать|читайте) на (казахском|русском|английском)( языке)?|(қазақша|орысша) оқу|"
    r"read in (russian|kazakh|english)|курсы? валют|валюта бағамы|exchange rates?|"
    r"контакты|о нас|о проекте|карта сайта|написать в редакцию|обратная связь|"
    r"about us|contact us|site ?map|байланыс|біз туралы|сайт картасы|"
    r"(story|article) continues below( (this )?advertisement)?|"
    r"continue reading (the main story|below)|"
    r"продолжение (ниже|после рекламы)|listen to (this|the) (article|story)|\d+ min(ute)?s? read|"
    r"время (чтения|прочтения):? \d+ мин\w*|оқу уақыты:? \d+ мин\w*|слушать (статью|новость)|"
    r"((privacy|cookie) (policy|settings)|terms (of|and) (use|service|conditions)|"
    r"политика конфиденциальности|пользовательское соглашение|құпиялылық саясаты)"
    r"( \| ((privacy|cookie) (policy|settings)|terms (of|and) (use|service|conditions)))*|"
    r"back to top|наверх|в начало страницы"
)

# Lines that open a comments section whatever the page: what follows is readers' text.
COMMENTS_OPEN = (
    r"comments are (now )?closed( for this (story|article))?|add your comment|post a comment|"
    r"have your say|join the (discussion|conversation)|leave a reply|(reader|user) comments|"
    r"(please )?add (a |your )?comments?|"
    r"\d+ (comments|responses) (so far|to)\b.*|комментарии (закрыты|отключены)|"
    r"добавить комментарий|оставьте комментарий|ваш комментарий|обсуждение закрыто|"
    r"пікір қосу|пікіріңізді (жазыңыз|қалдырыңыз)|here'?s what (other )?readers (have )?said.*|"
    r"the comments below have (not )?been moderated.*|readers'? comments.*|"
    r"что думают читатели.*|мнения читателей.*"
)

# Words of a weather widget besides its places and hours.
WEATHER_WORDS = frozenset(
    [
        "погода",
        "прогноз",
        "сегодня",
        "завтра",
        "ночью",
        "днём",
        "днем",
        "ауа",
        "райы",
        "бүгін",
        "ертең",
        "weather",
        "forecast",
        "today",
        "tomorrow",
        "day",
        "night",
    ]
)

# A comment's header naming its reader: 'Комментарий читателя: Андрей', 'Reader comment: Bob'.
READER_COMMENT_HEADER = (
    r"комментари[йи] (нашего )?читател[яей]|отзыв читателя|оқырман пікірі|"
    r"reader'?s? comment|comment from"
)

# A reader's signature line in a comment thread: 'Judy said', 'Ерлан пишет:'.
COMMENT_SIGNATURE = r"said|says|wrote|writes|replied|пишет|написал[аи]?|ответил[аи]?|жазды"

# A heading after which a news page shows readers' comments, not the article.
# News agencies whose name stands alone under a title, or after the reporter's: "The Associated
# Press", "Derek Abma, Postmedia News", «Казинформ». Lower case.
NEWS_AGENCIES = (
    r"(the )?associated press|ap|reuters|afp|agence france-presse|bloomberg|postmedia news|"
    r"xinhua|anadolu|sputnik|interfax|kazinform|kaztag|"
    r"интерфакс(-казахстан)?|тасс|риа новости|казинформ|казтаг|қазақпарат|спутник"
)

# The site's own footer, as opposed to a photo or quote credit ('© Reuters', '© Tate, London'):
# a copyright line that opens with the sign and names a year, a rights or media-registration
# notice. Nothing of the article comes after it; dialogs, comment rules and cookie notices do.
SITE_FOOTER = rf"^(©|\(c\)|copyright)\W.*\b(19|20)\d\d\b|{RIGHTS_NOTICE}|{MEDIA_REGISTRATION}"

COMMENT_HEADINGS = (  # a bare «Комментарии» is also a rubric of expert commentary: not enough
    r"комментари[ийя]\s*(читателей|пользователей)\s*\(?\d*\)?|комментари[ийя]\s*\(\d+\)|"
    r"комментари[ийя]:?\s*\d+|\d+\s+комментари\w*|(ваши|все) комментарии|отзывы читателей|"
    r"мнения читателей|пікірлер\s*\(\d+\)|\d+\s+пікір|"
    r"comments?(\(s\))?\s*\(\d+\)|\d+\s+comments?(\(s\))?|reader comments|"
    r"komentarze\s*\(\d+\)|σχόλια\s*\(\d+\)"
)

PAGINATION = (
    r"(страниц[аы]|стр\.|pages?|беттер|бет)\s*:?\s*[\d\s.…,|«»<>-]+|"
    r"[«<]?\s*(назад|предыдущая|previous|prev|older|артқа|poprzednia|προηγούμενη)\b.*|"
    r".*\b(вперед|вперёд|следующая|next|newer|келесі|następna|επόμενη)\s*[»>]?|"
    r"(показать|загрузить) (ещё|еще|больше).*|load more|show more|тағы көрсету|"
    r"(page|страница|strona|σελίδα) \d+ (of|из|z|από) \d+|[\d\s]+[.…]{1,3}\s*\d+\s*[»>]*"
)

VIEW_WORDS = (
    r"просмотр(ов|ы|а)?|прочитано|показов|views?|reads|қаралды|қаралым( саны)?|"
    r"көрілім( саны)?|көрілді|оқылым( саны)?|оқылды|👁|👀"
)

BYLINE_PREFIX = (
    r"автор(ы)?|текст|author(s)?|by|written by|авторы|жазған|дайындаған|тілші|"
    r"((бөлім|бас|шығарушы|главный|выпускающий) )?редактор(ы)?|editor|"
    r"autor(zy)?|συντάκτης"
)

JOURNALIST_ROLES = (
    r"корреспондент|журналист|редактор|обозревател|колумнист|фотокорреспондент|"
    r"собкор|спецкор|тілші|журналисі|шолушы|correspondent|reporter|editor|columnist|"
    r"staff writer|contributor"
)

PHOTO_CREDIT = (
    r"((автор|иллюстративное|архивное) фото|фотограф|сурет(ке|ті) түсірген|"
    r"фото|фотография|photo|photos|сурет|суреттер|видео|video|иллюстрац\w*|коллаж|"
    r"инфографика|фото и видео|видео и фото|фото/видео|photo credit|image)"
    r"(\s*(:|—|–|-|©|by|из|с|взято|автора|предоставлено|пресс-службы)|\s+\w)|"
    r"автордың (суреті|фотосы)\.?$"  # the author's photo
)

PUBLISHED_PREFIX = (
    r"posted|published|updated|опубликовано|дата публикации|время публикации|"
    r"(последнее )?обновление|обновлено|размещено|"
    r"жарияланды|жарияланған( күні| уақыты)?|жаңартылды|дата"
)

# The commonest short words of each language: their share tells running prose from menus
# (jusText's stop-word density). Lower case.
STOPWORDS = frozenset(
    [
        "и",
        "в",
        "во",
        "не",
        "что",
        "он",
        "на",
        "я",
        "с",
        "со",
        "как",
        "а",
        "то",
        "все",
        "она",
        "так",
        "его",
        "но",
        "да",
        "ты",
        "к",
        "у",
        "же",
        "вы",
        "за",
        "бы",
        "по",
        "только",
        "ее",
        "её",
        "мне",
        "было",
        "вот",
        "от",
        "меня",
        "еще",
        "ещё",
        "нет",
        "о",
        "из",
        "ему",
        "теперь",
        "когда",
        "даже",
        "ну",
        "вдруг",
        "ли",
        "если",
        "уже",
        "или",
        "ни",
        "быть",
        "был",
        "него",
        "до",
        "вас",
        "нибудь",
        "опять",
        "уж",
        "вам",
        "ведь",
        "там",
        "потом",
        "себя",
        "ничего",
        "ей",
        "может",
        "они",
        "тут",
        "где",
        "есть",
        "надо",
        "ней",
        "для",
        "мы",
        "тебя",
        "их",
        "чем",
        "была",
        "сам",
        "чтоб",
        "без",
        "будто",
        "чего",
        "раз",
        "тоже",
        "себе",
        "под",
        "будет",
        "ж",
        "тогда",
        "кто",
        "этот",
        "того",
        "потому",
        "этого",
        "какой",
        "совсем",
        "ним",
        "здесь",
        "этом",
        "один",
        "почти",
        "мой",
        "тем",
        "чтобы",
        "нее",
        "сейчас",
        "были",
        "куда",
        "зачем",
        "всех",
        "никогда",
        "можно",
        "при",
        "наконец",
        "два",
        "об",
        "другой",
        "хоть",
        "после",
        "над",
        "больше",
        "тот",
        "через",
        "эти",
        "нас",
        "про",
        "всего",
        "них",
        "какая",
        "много",
        "разве",
        "три",
        "эту",
        "моя",
        "впрочем",
        "хорошо",
        "свою",
        "этой",
        "перед",
        "иногда",
        "лучше",
        "чуть",
        "том",
        "нельзя",
        "такой",
        "им",
        "более",
        "всегда",
        "конечно",
        "всю",
        "между",
        "также",
        "это",
        "который",
        "которые",
        "которых",
        "которая",
        "которого",
        "также",
        "года",
        "году",
        "является",
        "время",
        "және",
        "мен",
        "бен",
        "пен",
        "да",
        "де",
        "та",
        "те",
        "бұл",
        "ол",
        "осы",
        "сол",
        "үшін",
        "деп",
        "еді",
        "болып",
        "болды",
        "бар",
        "жоқ",
        "емес",
        "де",
        "туралы",
        "арқылы",
        "кейін",
        "бойынша",
        "дейін",
        "ғана",
        "тек",
        "және",
        "мен",
        "бір",
        "біз",
        "олар",
        "оның",
        "оны",
        "оған",
        "олардың",
        "сондай",
        "сондықтан",
        "бірақ",
        "егер",
        "яғни",
        "әрі",
        "немесе",
        "қазір",
        "жылы",
        "жыл",
        "тағы",
        "да",
        "өз",
        "өзі",
        "the",
        "of",
        "and",
        "to",
        "a",
        "in",
        "is",
        "it",
        "that",
        "for",
        "on",
        "was",
        "with",
        "as",
        "he",
        "be",
        "by",
        "at",
        "this",
        "from",
        "are",
        "his",
        "have",
        "or",
        "an",
        "they",
        "which",
        "you",
        "had",
        "not",
        "but",
        "were",
        "their",
        "has",
        "one",
        "all",
        "been",
        "she",
        "her",
        "we",
        "there",
        "would",
        "will",
        "when",
        "can",
        "more",
        "who",
        "so",
        "if",
        "out",
        "up",
        "about",
        "what",
        "its",
        "into",
        "than",
        "them",
        "only",
        "other",
        "new",
        "some",
        "could",
        "also",
        "after",
        "two",
        "over",
        "said",
        "these",
        "may",
        "first",
        "such",
        "like",
        "our",
        "then",
    ]
)
