"""Resolution across articles: keys, labels and aliases of the merged actors."""
from __future__ import annotations

from graphbuild.articles import article_from_text
from graphbuild.build import extract_articles, resolution_of


def _actors(*texts: str):
    articles = [article_from_text(t, id=f"a{n}") for n, t in enumerate(texts)]
    return resolution_of(list(extract_articles(articles))).actors


def test_a_state_body_is_also_named_without_its_demonym():
    actors = _actors("Nigeria's army said so. Nigerian police and the Nigerian Army Corps of Military Police "
                     "accused Nigeria's rebels in Nigeria.")
    body = next(a for a in actors.values() if a.label == "Nigerian Army Corps of Military Police")
    assert body.type == "Ministry"
    assert "Army Corps of Military Police" in body.aliases


def test_the_body_of_two_articles_is_one_actor_under_either_name():
    actors = _actors("The Dutch Justice Ministry said on Monday that the law stands.",
                     "The Netherlands' Justice Ministry said on Tuesday that the law stands.")
    bodies = [a for a in actors.values() if a.type == "Ministry"]
    assert len(bodies) == 1, [(a.key, a.label) for a in bodies]


def test_a_party_is_also_named_without_its_demonym():
    actors = _actors("The Australian Sex Party accused the Liberal Party of hypocrisy.")
    party = next(a for a in actors.values() if a.label == "Australian Sex Party")
    assert "Sex Party" in party.aliases


def test_two_spellings_of_one_name_are_one_official():
    actors = _actors("Taliban spokesman Zabihullah Mujahid claimed responsibility for the attack.",
                     "The Afghan Taliban spokesman Zabiullah Mujahid told dpa that it was too soon to comment.",
                     "Hamas spokesman Sami Abu Zuhri said so.", "Hamas spokesman Sami Abu Zohri said so.")
    mujahid = [a for a in actors.values() if a.type == "Official" and "Mujahid" in a.label]
    assert len(mujahid) == 1 and "Zabiullah Mujahid" in mujahid[0].aliases, [(a.key, a.label) for a in mujahid]
    # a vowel is no spelling of "h" or of a doubled letter: two officials
    assert len([a for a in actors.values() if "Abu Z" in a.label]) == 2


def test_a_known_leader_brings_no_state_the_articles_do_not_name():
    actors = _actors("Ben Ali fled, Mubarak was ousted.")
    assert {a.type for a in actors.values()} == {"Official"}, [(a.key, a.type) for a in actors.values()]
    assert all(a.of is None for a in actors.values())
