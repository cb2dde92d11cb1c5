"""One value, one name (`generator.known`), no thing among its own related things (`generator.itself`),
and titles that agree (`generator.titles`), on small inline answers."""

from __future__ import annotations

import random

from datagen.generator.itself import not_itself, others_inside
from datagen.generator.known import keep_known, known_names, learn
from datagen.generator.one_thing import one_identity
from datagen.generator.titles import titles_agree


def test_a_profile_fetched_by_a_picked_username_is_the_person_picked_even_without_echoing_it() -> None:
    listing = {"items": [{"fullName": "Alex Castro", "username": "kmills77"},
                         {"fullName": "Mary Espinoza", "username": "nross40"}]}
    profile = {"firstName": "Tomas", "lastName": "Patel", "summary": "x"}
    known = known_names([(listing, {"keywords": "max"})])
    keep_known(profile, {"username": "kmills77"}, known)
    assert (profile["firstName"], profile["lastName"]) == ("Alex", "Castro")


def test_an_answer_that_echoes_the_handle_in_its_posts_still_names_the_person() -> None:
    first = {"id": "13506898", "username": "frenchalicia83", "full_name": "Joseph Kidd"}
    profile = {"id": "ins_1", "full_name": "Crystal Owens", "username": "frenchalicia83",
               "last_post": [{"id": "pst_1", "caption": "Hi", "username": "frenchalicia83"},
                             {"id": "pst_2", "caption": "Yo", "username": "frenchalicia83"}]}
    one_identity(profile, {"username": "frenchalicia83"}, [first], [{"id": "13506898"}], "profile", random.Random(1))
    assert profile["full_name"] == "Joseph Kidd"
    assert [p["caption"] for p in profile["last_post"]] == ["Hi", "Yo"]  # posts are not the person


def test_a_value_nothing_named_keeps_its_first_name_and_a_persons_name_is_no_title() -> None:
    first = {"data": {"username": "someuser", "name": "Dana Tyler", "followers": 3}}
    video = {"id": "vid_1", "title": "Pink Harbour", "author": {"username": "someuser", "name": "Ian Price"}}
    known = known_names([(first, {"username": "someuser"})])
    keep_known(video, {"username": "someuser"}, known)
    assert video["author"]["name"] == "Dana Tyler" and video["title"] == "Pink Harbour"
    fresh: dict = {}
    learn(fresh, {"user": {"username": "other1", "full_name": "Ana Lopez"}}, {"username": "other1"})
    later = {"username": "other1", "full_name": "Bo Chen"}
    keep_known(later, {}, fresh)
    assert later["full_name"] == "Ana Lopez"


def test_a_thing_looked_up_by_its_listed_id_or_link_keeps_the_listed_name() -> None:
    listed = {"product": {"url": "https://shop.example/p/42", "name": "Trail Shoe"}}
    page = {"results": [{"product_name": "Other Thing", "price": "3.10"}]}
    keep_known(page, {"url": "https://shop.example/p/42"}, known_names([(listed, {"productId": "prd_1"})]))
    assert page["results"][0]["product_name"] == "Trail Shoe"
    tracks = {"tracks": [{"name": "Song A"}]}  # an album's single track is not the album
    keep_known(tracks, {"album_id": "alb_123"}, known_names([({"id": "alb_123", "name": "Blue"}, {})]))
    assert tracks["tracks"][0]["name"] == "Song A"


def test_two_identifying_arguments_name_no_one_thing() -> None:
    known = known_names([({"results": [{"id": 903007, "name": "Season A"}, {"id": 901247, "name": "Cup B"}]}, {})])
    answer = {"name": "Event C"}
    keep_known(answer, {"seasonId": 903007, "tournamentId": 901247}, known)
    assert answer["name"] == "Event C"


def test_recommenders_of_a_person_are_other_people() -> None:
    answer = {"data": [{"created": 1, "recommender": {"firstName": "Diego", "lastName": "Ibrahim", "username": "mrod37"}},
                       {"created": 2, "recommender": {"firstName": "Rosa", "lastName": "Silva", "username": "kim_22"}}]}
    not_itself(answer, {"username": "mrod37"}, "get received recommendations", {}, random.Random(3))
    names = [item["recommender"]["username"] for item in answer["data"]]
    assert "mrod37" not in names and names[1] == "kim_22"


def test_similar_things_never_list_the_thing_itself_by_id_or_by_name() -> None:
    known = known_names([({"id": 791401, "title": "The Silver Harbour"}, {"id": 791401})])
    answer = {"id": 791401, "title": "The Silver Harbour",
              "similar": [{"id": 791401, "title": "Black Garden"}, {"id": 5521, "title": "The Silver Harbour"},
                          {"id": 7777, "title": "Pink Valley"}]}
    not_itself(answer, {"id": 791401}, "movie details", known, random.Random(5))
    assert answer["id"] == 791401 and answer["title"] == "The Silver Harbour"  # the thing itself stays
    assert all(s["id"] != 791401 and s["title"] != "The Silver Harbour" for s in answer["similar"])
    assert answer["similar"][2] == {"id": 7777, "title": "Pink Valley"}
    followers = {"followers": [{"username": "zed_1", "full_name": "Ana Lopez"}]}
    not_itself(followers, {"user_id": "usr_4411"}, "followers", {"usr_4411": known["791401"]}, random.Random(1))
    assert followers["followers"][0]["username"] == "zed_1"  # someone else stays as they are


def test_a_long_title_contains_the_short_one_and_no_title_restates_a_key() -> None:
    movie = {"id": 1, "title": "Pink Valley", "title_long": "Black Garden (2019)", "year": 2019}
    titles_agree(movie)
    assert movie["title_long"] == "Pink Valley (2019)"
    kept = {"title": "Pink Valley", "title_long": "Pink Valley (2019)"}
    titles_agree(kept)
    assert kept["title_long"] == "Pink Valley (2019)"
    filler = {"data": {"id": 2, "title": "Williams Genre", "genre": "Drama"}}
    titles_agree(filler)
    assert "title" not in filler["data"]
    station = {"stations": [{"id": "s1", "name": "Qingdao Station"}]}
    titles_agree(station)
    assert station["stations"][0]["name"] == "Qingdao Station"


def test_a_looked_up_account_with_its_own_new_id_still_gets_the_name_shown_before() -> None:
    media = {"data": {"full_name": "Janice Mathews", "username": "johnruiz75", "like_count": "40"}}
    info = {"biography": "x", "full_name": "Stephanie Saunders", "id": "usr_69739"}
    one_identity(info, {"username": "johnruiz75"}, [media], [{"url": "https://x.example/p/1"}], "user info",
                 random.Random(2))
    assert info["full_name"] == "Janice Mathews" and info["id"] == "usr_69739"


def test_things_inside_a_looked_up_thing_do_not_carry_its_link_or_its_name() -> None:
    track = {"id": "trc_1", "name": "Purple Stranger", "artists": [{"id": "art_1", "name": "Purple Stranger"}],
             "album": {"id": "alb_1", "name": "Purple Stranger"}}
    others_inside(track, {"name": "Purple Stranger"}, random.Random(4))
    assert track["name"] == "Purple Stranger"
    assert track["artists"][0]["name"] != "Purple Stranger" and track["album"]["name"] != "Purple Stranger"
    link = "https://pro.example/in/ana"
    profile = {"full_name": "Ana Lopez", "education": [{"school": "X", "logo_url": link, "dates": {"start": 2001}}],
               "experiences": [{"company": "Y", "company_url": link}]}
    others_inside(profile, {"url": link}, random.Random(4))
    assert profile["education"][0]["logo_url"] != link and profile["experiences"][0]["company_url"] != link
    search = {"results": [{"name": "Purple Stranger"}, {"name": "Blue Road"}]}  # a search: no one thing
    others_inside(search, {"name": "Purple Stranger"}, random.Random(4))
    assert search["results"][0]["name"] == "Purple Stranger"


def test_one_handle_shown_twice_in_one_answer_under_two_ids_is_one_person() -> None:
    pins = {"results": [{"id": "pin_1", "pinner": {"username": "trangnbui", "full_name": "Lisa Williams", "id": "pnn_1"},
                         "creator": {"username": "trangnbui", "full_name": "Cindy Foster", "id": "crt_2"}}]}
    one_identity(pins, {"username": "trangnbui"}, [], [], "user pins", random.Random(1))
    assert pins["results"][0]["creator"]["full_name"] == "Lisa Williams"
