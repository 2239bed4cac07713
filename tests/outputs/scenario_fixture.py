"""A small scenario written by the output tests: one monthly subscription with a 30-day notice,
a names with characters every output must escape (<, &, quotes, a comma, a semicolon)."""
import json

def scenario(expect=None, title='Fixture <b>&amp; "quotes"; commas, too'):
    return {
        "subsim": 1,
        "title": title,
        "locale": "en",
        "currency": "EUR",
        "start": "2025-01-10",
        "until": "2025-06-30",
        "catalog": {
            "products": [{"id": "desk", "name": "Desk <pro> & \"co\"; ok, fine"}],
            "plans": [{"id": "desk-monthly", "product": "desk", "price": 3000, "period": "P1M",
                       "notice": "P30D", "cancellation": "end_of_period",
                       "trial": {"length": "P14D"}}],
        },
        "account": {"id": "acct", "created": "2025-01-10", "owner": "sam", "payment_method": True,
                    "users": [{"id": "sam", "role": "owner"}]},
        "subscriptions": [{"id": "s1", "plans": ["desk-monthly"], "start": "2025-01-10"}],
        "actions": [{"on": "2025-03-12", "do": "cancel", "by": "sam", "subscription": "s1"}],
        "expect": expect if expect is not None else [{"event": "cancellation_effective", "subscription": "s1"}],
    }

def write(path, data):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False)
    return path
