"""Realistic news paragraphs written for these tests (not taken from the evaluation set)."""

from __future__ import annotations

import json

RU_ARTICLE = (
    "Власти Алматы объявили о ремонте трёх крупных улиц в центре города.\n\n"
    "По словам акима Ерболата Досаева, работы начнутся в апреле и продлятся до конца лета. "
    "Движение по проспекту Абая будет частично ограничено, а автобусы пустят в объезд.\n\n"
    "Горожан просят заранее планировать поездки и пользоваться метро, которое в эти месяцы "
    "будет работать дольше обычного. Подробный график перекрытий опубликуют на сайте акимата.\n\n"
    "В прошлом году в городе отремонтировали более ста километров дорог, сообщили в управлении "
    "городской мобильности. В этом году планируется обновить ещё восемьдесят километров."
)
EN_ARTICLE = (
    "Kazakhstan will open two new border crossings with Uzbekistan this year, officials said.\n\n"
    "The crossings are expected to shorten the waiting time for lorries, which now queue for up "
    "to two days at the busiest posts. According to minister Serik Zhumangarin, trade between "
    "the two countries grew by a fifth last year.\n\n"
    "Traders in Shymkent welcomed the news. Many of them said the delays had cost them "
    "customers and that perishable goods were often spoiled before they reached the market.\n\n"
    "The government has also promised to move customs paperwork online by the end of the year, "
    "so that drivers no longer need to stop at several windows before they can cross."
)
KK_ARTICLE = (
    "Астанада жаңа мектеп ашылды. Мектепте бір мың екі жүз оқушы білім алады.\n\n"
    "Қала әкімі Жеңіс Қасымбек салтанатты шараға қатысып, мұғалімдер мен ата-аналарды "
    "құттықтады. Ол мектептің заманауи құралдармен жабдықталғанын атап өтті.\n\n"
    "Биыл елордада тағы үш мектеп салу жоспарланып отыр. Құрылыс жұмыстары жаз айларында "
    "басталады деп күтілуде.\n\n"
    "Ата-аналар жаңа мектептің үйлеріне жақын орналасқанына қуанышты. Бұрын балалар басқа "
    "ауданға автобуспен барып оқитын еді, енді олар жаяу жетеді."
)
RAW_PAGE = (
    "Главная\nНовости\nПолитика\nЭкономика\n13:46\n13:37\n12:22\n11:14\n"
    "| Пн | Вт | Ср | Чт | Пт | Сб | Вс |\n23 ноября 2024\nUSD 425.67\n"
    + RU_ARTICLE
    + "\nПопулярное\n10:08\n10:00\n09:27\nПодписаться\nВойти\n"
)
# The Russian article after UTF-8 bytes were decoded as Windows-1251.
MOJIBAKE_ARTICLE = RU_ARTICLE.encode("utf-8").decode("cp1251", errors="replace")


def jsonl(records: list[dict]) -> str:
    return "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records)


def article_variants(base: str, count: int) -> list[str]:
    """``count`` different articles built from ``base`` (numbered sentences make them distinct)."""
    return [f"Выпуск {number}. " + base.replace("трёх", f"{number + 3}") for number in range(count)]


def corpus_with_duplicates() -> list[dict]:
    """1,200 records over several batches: repeated menu lines, exact copies and edited
    re-publications of earlier records (in earlier batches), three sites, dates, names."""
    sentences = [f"Сообщение {n} рассказывает о событиях этой недели в Алматы." for n in range(30)]
    bases = [RU_ARTICLE, EN_ARTICLE, KK_ARTICLE, " ".join(sentences)]
    sites = ["https://tengrinews.kz/", "https://astanatimes.com/", "https://kaz.nur.kz/"]
    originals = []
    for n in range(900):
        text = f"Выпуск {n}\nПодписаться\n" + bases[n % 4].replace("Алматы", f"Алматы-{n % 50}")
        record = {"id": f"a{n}", "text": text, "url": f"{sites[n % 3]}{n}"}
        if n % 5:
            record["meta"] = {"date": f"2024-{n % 12 + 1:02d}-0{n % 9 + 1}"}
        if n % 7 == 0:
            record["meta"] = {"names": [{"text": "Токаева", "canonical": "Касым-Жомарт Токаев"}]}
        originals.append(record)
    copies = [{**originals[n], "id": f"copy{n}"} for n in range(0, 600, 4)]  # 150 exact
    edited = [
        {**originals[n], "id": f"edit{n}", "text": originals[n]["text"].replace("10 ", "десять ")}
        for n in range(3, 900, 8)
    ]
    return originals + copies + edited + [{"id": "broken", "text": MOJIBAKE_ARTICLE}]
