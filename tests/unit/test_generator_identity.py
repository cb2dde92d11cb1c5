"""`generator.identity.carry`: a thing looked up by a key an earlier answer showed keeps its description."""

from __future__ import annotations

from datagen.generator.identity import carry


def test_a_profile_looked_up_by_a_shown_username_keeps_the_persons_name() -> None:
    post = {"creator": {"username": "vfoster76", "full_name": "Vera Foster", "followers": 120}}
    profile = {"data": {"username": "vfoster76", "name": "Dan Clark", "followers": 9, "bio": "x"}}
    carry(profile, {"username": "vfoster76"}, [post])
    assert profile["data"]["name"] == "Vera Foster" and profile["data"]["followers"] == 120
    assert profile["data"]["bio"] == "x"


def test_a_page_scraped_at_a_shown_url_is_the_same_product() -> None:
    reviews = {"product": {"url": "https://shop.example/p/42", "name": "Trail Shoe", "price": 89.5}}
    page = {"url": "https://shop.example/p/42", "title": "Other Thing", "price": 12.0, "stock": 3}
    carry(page, {"url": "https://shop.example/p/42"}, [reviews])
    assert page["title"] == "Trail Shoe" and page["price"] == 89.5 and page["stock"] == 3


def test_a_shared_word_or_a_place_carries_nothing() -> None:
    first = {"country": "US", "name": "Ana"}
    second = {"country": "US", "name": "Bo"}
    carry(second, {"country": "US"}, [first])
    assert second["name"] == "Bo"
    listed = {"items": [{"id": "usr_1", "name": "Ana"}]}
    other = {"id": "usr_1", "name": "Bo", "user_id": "usr_9"}
    carry(other, {"id": "usr_1"}, [listed])
    assert other["name"] == "Ana" and other["user_id"] == "usr_9"  # ids are never carried


def test_a_reference_to_another_thing_is_not_its_description() -> None:
    video = {"id": "vid_1", "title": "Cooking Pasta", "channelId": "chn_77"}
    channel = {"channelId": "chn_77", "title": "Home Kitchen"}
    carry(channel, {"channel_id": "chn_77"}, [video])
    assert channel["title"] == "Home Kitchen"


def test_a_thing_named_under_its_nouns_name_keeps_that_name_and_a_domain_names_its_owner() -> None:
    listing = {"data": [{"id": "cmp_1", "name": "Crawford-Cruz", "website": "https://wall.com/x"}]}
    company = {"data": {"company_id": "cmp_1", "company_name": "Jones-Nelson", "first_name": "Ana", "domain": "c.org"}}
    carry(company, {"company_id": "cmp_1"}, [listing])
    assert company["data"]["company_name"] == "Crawford-Cruz" and company["data"]["first_name"] == "Ana"
    by_domain = {"data": {"domain": "c.org", "company_name": "Nguyen-Mejia"}}
    carry(by_domain, {"domain": "c.org"}, [company])
    assert by_domain["data"]["company_name"] == "Crawford-Cruz"


def test_two_calls_sent_the_same_code_describe_one_thing() -> None:
    listed = {"company_name": "Logan PLC", "securities_code": 7203, "date": "2026-05-26"}
    latest = {"company_name": "Henderson, Johnson and Brown", "securities_code": 7203, "date": "2026-04-07"}
    carry(latest, {"securities_code": 7203}, [listed], [{"securities_code": 7203}])
    assert latest["company_name"] == "Logan PLC"
    other = {"company_name": "Henderson, Johnson and Brown", "securities_code": 7203}
    carry(other, {"securities_code": 7203}, [listed], [{}])  # shown, not sent: a reference, not the thing
    assert other["company_name"] == "Henderson, Johnson and Brown"


def test_a_list_filtered_by_a_sent_word_is_no_one_thing() -> None:
    average = {"time": "14:00", "zone": "peninsular", "average_price": 473.83}
    daily = {"results": [{"time": "14:00", "zone": "peninsular", "price": 1.0},
                         {"time": "14:15", "zone": "peninsular", "price": 2.0}]}
    carry(daily, {"zone": "peninsular"}, [average], [{"zone": "peninsular"}])
    assert [r["time"] for r in daily["results"]] == ["14:00", "14:15"]
    one = {"time": "09:00", "zone": "peninsular", "price": 3.0}
    carry(one, {"zone": "peninsular"}, [average], [{"zone": "peninsular"}])
    assert one["time"] == "09:00"  # a plain word is no code: sent twice, it names no one thing
