#!/usr/bin/env python3
"""Writes a realistic company list and a contact list for the import benchmark.

companies.csv: every seed field, Cyrillic names, dates as ISO or dd.mm.yyyy, numbers as
"1 234 567,89", "1234567.89" or "1,234,567.89", booleans as да/нет/yes/no/1/0/true/false,
e-mail lists separated by ';'. contacts.csv: two contacts per company, found by company_tin.
Deterministic (seeded) so every run measures the same files.
"""
import csv
import random
import sys

SEGMENTS = ["Fintech", "Retail", "Logistics", "Manufacturing", "Healthcare", "Education", "Energy", "Media",
            "Construction", "Agriculture"]
REGIONS = ["Москва", "Санкт-Петербург", "Новосибирская область", "Свердловская область", "Республика Татарстан",
           "Краснодарский край", "Нижегородская область", "Самарская область"]
FORMS = ["ООО", "АО", "ПАО", "ИП"]
WORDS = ["Ромашка", "Вектор", "Альфа", "Гранит", "Северный", "Технологии", "Логистик", "Медиа", "Строй", "Агро",
         "Энерго", "Финанс", "Трейд", "Сервис", "Консалт", "Системы", "Групп", "Инвест", "Сибирь", "Волга"]
FIRST = ["Иван", "Пётр", "Анна", "Мария", "Алексей", "Ольга", "Дмитрий", "Елена", "Сергей", "Наталья"]
MIDDLE = ["Иванович", "Петрович", "Сергеевна", "Алексеевна", "Дмитриевич", "Олеговна"]
LAST = ["Иванов", "Смирнов", "Кузнецова", "Попов", "Васильева", "Соколов", "Михайлова", "Новиков", "Фёдоров"]
POSITIONS = ["Генеральный директор", "CTO", "Технический директор (CTO)", "Финансовый директор", "Head of Sales",
             "Руководитель отдела продаж", "Маркетолог", "HR-директор", "Главный бухгалтер", "Менеджер по закупкам",
             "COO", "CFO", "Директор по развитию", "Руководитель ИТ", "Юрист", "Аналитик", "Офис-менеджер",
             "Коммерческий директор", "Product Manager", "Менеджер проектов"]
TEST_STATUSES = ["Начато", "Идет", "Завершено:Успех", "Завершено:Неудача", "Завершено:Требуется доработка"]

COMPANY_HEADER = ["company_name", "tin", "registration_number", "registration_date", "region", "status", "segment",
                  "source", "sme_registry", "office_qualification", "revenue", "balance", "net_profit_loss",
                  "employee_count", "ceo_name", "ceo_position", "primary_email", "all_company_emails", "website",
                  "company_description", "company_research", "session_key", "batch_id", "workflow_execution_id",
                  "processing_status"]
CONTACT_HEADER = ["company_tin", "company_name", "full_name", "first_name", "last_name", "middle_name", "position",
                  "work_email", "generic_email", "phone_numbers", "source_urls", "linkedin_url", "outreach_type",
                  "client_status", "test_date", "test_status", "employee_session_key", "processing_status",
                  "source_service", "ai_research_data"]


def date(r):
    y, m, d = r.randint(1995, 2024), r.randint(1, 12), r.randint(1, 28)
    return f"{y:04d}-{m:02d}-{d:02d}" if r.random() < 0.5 else f"{d:02d}.{m:02d}.{y:04d}"


def money(r):
    value = r.randint(-5_000_000, 900_000_000) + r.randint(0, 99) / 100
    style = r.random()
    if style < 0.4:
        whole, frac = f"{abs(value):.2f}".split(".")
        grouped = f"{int(whole):,}".replace(",", " ")
        return ("-" if value < 0 else "") + grouped + "," + frac
    if style < 0.7:
        return f"{value:.2f}"
    return f"{value:,.2f}"


def boolean(r, value):
    return r.choice(["да", "yes", "1", "true"] if value else ["нет", "no", "0", "false"])


def company(r, i):
    name = f'{r.choice(FORMS)} "{r.choice(WORDS)} {r.choice(WORDS)} {i}"'
    tin = str(7700000000 + i)
    host = f"company{i}.ru"
    ceo = f"{r.choice(LAST)} {r.choice(FIRST)} {r.choice(MIDDLE)}"
    return [
        name, tin, str(1027700000000 + i), date(r), r.choice(REGIONS),
        "Active" if r.random() < 0.8 else r.choice(["Paused", "Inactive"]),
        r.choice(SEGMENTS), r.choice(["ЕГРЮЛ", "list-2026", "partner"]), boolean(r, r.random() < 0.5),
        r.choice(["More", "Less"]), money(r), money(r), money(r), str(r.randint(1, 5000)), ceo,
        "Генеральный директор", f"info@{host}", f"info@{host};sales@{host}", f"https://www.{host}/",
        f"{name} — поставщик решений для сегмента, работает с {r.randint(1990, 2020)} года.",
        "" if r.random() < 0.7 else "Исследование: компания расширяет ИТ-отдел, ищет CTO.",
        "import-2026-11", "B1", "", "pending",
    ]


def contact(r, i, j):
    first, last, middle = r.choice(FIRST), r.choice(LAST), r.choice(MIDDLE)
    phones = ";".join(f"+7 9{r.randint(10, 99)} {r.randint(100, 999)}-{r.randint(10, 99)}-{r.randint(10, 99)}"
                      for _ in range(r.randint(1, 2)))
    return [
        str(7700000000 + i), "", f"{last} {first} {middle}", first, last, middle, r.choice(POSITIONS),
        f"person{i}_{j}@company{i}.ru", f"info@company{i}.ru", phones, f"https://company{i}.ru/team",
        f"https://linkedin.com/in/person{i}-{j}", r.choice(["marketing", "sales", ""]), "",
        date(r) if r.random() < 0.2 else "", r.choice(TEST_STATUSES) if r.random() < 0.2 else "",
        "contacts-2026-11", "pending" if r.random() < 0.9 else "done", "leadmagic",
        '{"persona": "tech", "score": %d}' % r.randint(1, 100) if r.random() < 0.3 else "",
    ]


def main():
    companies, contacts_per_company, out_dir = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    r = random.Random(42)
    with open(f"{out_dir}/companies.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(COMPANY_HEADER)
        for i in range(companies):
            w.writerow(company(r, i))
    with open(f"{out_dir}/contacts.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(CONTACT_HEADER)
        for i in range(companies):
            for j in range(contacts_per_company):
                w.writerow(contact(r, i, j))


if __name__ == "__main__":
    main()
