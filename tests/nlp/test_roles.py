"""Roles and titles: who speaks for whom."""
from __future__ import annotations

import pytest

POS = "positive"


@pytest.mark.parametrize("text, expected", [
    ("Russian Deputy Foreign Minister Gennady Gatilov spoke on Wednesday.",
     ("Gennady Gatilov", "speaksFor", "Russia", POS)),
    ("US Attorney General Eric Holder said the summit would go ahead.",
     ("Eric Holder", "speaksFor", "United States", POS)),
    ("Ilya Rogachev, the head of the Russian Foreign Ministry's department of new challenges and threats, spoke.",
     ("Ilya Rogachev", "speaksFor", "department of new challenges and threats", POS)),
    ("He backed the efforts of the United Nations' special envoy for Syria, Staffan de Mistura, in resuming dialogue.",
     ("Staffan de Mistura", "speaksFor", "United Nations", POS)),
    ("Tory leader Michael Howard said it was wrong.", ("Michael Howard", "speaksFor", "Conservative Party", POS)),
    ("Lib Dem chairman Matthew Taylor agreed.", ("Matthew Taylor", "speaksFor", "Liberal Democrats", POS)),
    ("Jack Law, chief executive of Alcohol Focus Scotland, said it was ill-advised.",
     ("Jack Law", "speaksFor", "Alcohol Focus Scotland", POS)),
    ("Foreign Secretary Jack Straw told MPs the men would be freed.", ("Jack Straw", "speaksFor", "Foreign Office", POS)),
    ("The Scottish National Party's Holyrood leader Nicola Sturgeon wrote to him.",
     ("Nicola Sturgeon", "speaksFor", "Scottish National Party", POS)),
    # a party tag in brackets, a party named by a capitalised word and "party"
    ("The mosque welcomed the mayor of Berlin, Michael Müller (SPD), on Friday.",
     ("Michael Müller", "speaksFor", "Social Democratic Party of Germany", POS)),
    ("Elections in Bavaria could weaken German Chancellor Angela Merkel's Christian Democratic Union (CDU).",
     ("Angela Merkel", "speaksFor", "Christian Democratic Union", POS)),
    ("Opposition Green party whip Katrin Göring-Eckardt called for legal routes.",
     ("Katrin Göring-Eckardt", "speaksFor", "Green", POS)),
    # names spaCy reads as a place or a body, posts with "of State", a government's spokesman
    ("Sale or no sale, German Finance Minister Peer Steinbrueck suspects that GM favors the bid.",
     ("Peer Steinbrueck", "speaksFor", "Germany", POS)),
    ("US Deputy Assistant Secretary of State Matthew Bryza noted that the summit had made it clear.",
     ("Matthew Bryza", "speaksFor", "United States", POS)),
    ("Berlin welcomed the decision as a great success, government spokesman Steffen Seibert said Wednesday.",
     ("Steffen Seibert", "speaksFor", "Germany", POS)),
    ("Germany's Integration Commissioner Aydan Özoguz, of the Social Democratic Party, said it was unfortunate.",
     ("Aydan Özoguz", "speaksFor", "Social Democratic Party of Germany", POS)),
    # a title that lists its portfolios; the place where a spokeswoman spoke
    ("Britain's games industry is the UK's pride. The call was backed by Culture, Media and Sport Secretary "
     "Tessa Jowell.",
     ("Tessa Jowell", "speaksFor", "Department for Culture, Media and Sport", POS)),
    ("Britain has laws on it, the UK says. Trade and Industry Secretary Patricia Hewitt agreed.",
     ("Patricia Hewitt", "speaksFor", "Department of Trade and Industry", POS)),
    ("Boats sank off Libya and Libya did nothing. The plan is wrong, deputy government spokeswoman Christiane "
     "Wirtz said in Berlin.", ("Christiane Wirtz", "speaksFor", "Germany", POS)),
    # a member of a parliament; an EU commissioner; a party name several states' parties share
    ("In mid-March, a member of Switzerland's upper house of parliament, Josef Dittli, filed a lawsuit.",
     ("Josef Dittli", "speaksFor", "Switzerland", POS)),
    ("EU Enlargement Commissioner Guenter Verheugen also put on a brave face.",
     ("Guenter Verheugen", "speaksFor", "European Commission", POS)),
    ("Axel Fischer is a Christian Democrat member of Germany's Bundestag.",
     ("Axel Fischer", "speaksFor", "Christian Democratic Union", POS)),
    # a plural title given to each name, with the country after it
    ("Presidents Dilma Rouseff of Brazil, Vladimir Putin of Russia and Xi will be in attendance.",
     ("Dilma Rouseff", "speaksFor", "Brazil", POS)),
    # a body the parser left apart from its preposition; a party a described official owns
    ("Lisa Power, head of policy at Aids charity the Terrence Higgins Trust, said the policy was wrong.",
     ("Lisa Power", "speaksFor", "Terrence Higgins Trust", POS)),
    ("The opposition failed to oust Prime Minister Donald Tusk on Friday. The prime minister's Civic Platform "
     "party governs Poland.", ("Donald Tusk", "speaksFor", "Civic Platform", POS)),
    # the head of a body a relative clause names; an outlet named before its kind
    ("An act of high-handedness, says Mathias Döpfner, who is at the helm of the Axel Springer publishing house.",
     ("Mathias Döpfner", "speaksFor", "Axel Springer", POS)),
    ("Bodo Hombach, who heads the WAZ media group, agreed.", ("Bodo Hombach", "speaksFor", "WAZ", POS)),
])
def test_roles(read, text, expected):
    _, relations = read(text)
    assert expected in relations, sorted(relations)


def test_envoy_for_a_country_does_not_speak_for_it(read):
    _, relations = read("The United Nations' special envoy for Syria, Staffan de Mistura, arrived.")
    assert ("Staffan de Mistura", "speaksFor", "Syria", POS) not in relations


def test_agency_is_never_the_speaker(read):
    """Quotation attribution: "RIA Novosti quoted Gatilov as saying" makes Gatilov no
    spokesman of RIA Novosti."""
    _, relations = read('"We are ready," RIA Novosti quoted Russian Deputy Foreign Minister Gennady Gatilov as saying.')
    assert not any(s == "Gennady Gatilov" and o == "RIA Novosti" for s, _, o, _ in relations)


def test_mayor_does_not_speak_for_the_state_of_the_capital(read):
    _, relations = read("London mayor Ken Livingstone refused to apologise.")
    assert not any(o == "United Kingdom" for _, _, o, _ in relations)


def test_foreign_minister_without_country_takes_the_ministry_of_the_article(read):
    _, relations = read("Russian Deputy Foreign Minister Gennady Gatilov spoke. He backed an idea "
                        "Foreign Minister Sergei Lavrov raised at the UN in September.")
    assert ("Sergei Lavrov", "speaksFor", "Russia", POS) in relations


def test_a_post_does_not_take_the_next_persons_party(read):
    _, relations = read("The mosque will be welcoming the vice-president of the Bundestag, Petra Pau (of the Left "
                        "Party) and the mayor of Berlin, Michael Müller (SPD).")
    assert ("Petra Pau", "speaksFor", "Die Linke", POS) in relations
    assert ("Petra Pau", "speaksFor", "Bundestag", POS) in relations
    assert not any(s == "Petra Pau" and o == "Social Democratic Party of Germany" for s, _, o, _ in relations)


def test_shared_party_names_take_the_article_country(read):
    entities, _ = read("Germany's parliament voted on Friday. Germany's chancellor spoke in Berlin. The Greens and "
                       "the Social Democrats opposed the bill, and the Green Party said so again.")
    assert entities["Alliance 90/The Greens"].key == "group:german-greens"
    assert {"Greens", "Green Party"} <= entities["Alliance 90/The Greens"].aliases
    assert entities["Social Democratic Party of Germany"].key == "group:spd"


def test_a_leader_of_east_germany_speaks_for_it(read):
    _, relations = read("Egon Krenz, who was later to succeed Erich Honecker at the top of the East German "
                        "leadership, has described the relationship.")
    assert ("Erich Honecker", "speaksFor", "East Germany", POS) in relations


@pytest.mark.parametrize("text, person, body", [
    ("In December, Man Monis, an Iran-born self-styled cleric with a criminal record, took 18 people hostage.",
     "Man Monis", "Iran"),
    ("Author: Darren Mara (dpa, Reuters)", "Darren Mara", "Deutsche Presse-Agentur"),
    ("The money went to relatives of Cambodia's prime minister. Tabcorp, a publicly listed company, had been "
     "looking to expand into the country.", "Tabcorp", "Cambodia"),
    ("General Motors' chief negotiator, John Smith, was in Berlin Tuesday to talk about the future of Opel.",
     "John Smith", "Germany"),
    ("Jackson Janes is executive director of the American Institute for Contemporary German Studies at the "
     "Johns Hopkins University in Washington.", "Jackson Janes", "United States"),
    ("Islamic State has given Syria and the West a common enemy, said Syria expert Petra Becker of the German "
     "Institute for International and Security Affairs in Berlin.",
     "Petra Becker", "German Institute for International and Security Affairs"),
    # a state that owns the name of the body one heads, or is where the body is
    ("Ludwig Braun, the president of the German Chamber of Industry and Commerce, argued that investment rose.",
     "Ludwig Braun", "Germany"),
    ("Democracy must go hand in hand, Frank Habineza, president of Rwanda's Green Party, told Deutsche Welle.",
     "Frank Habineza", "Rwanda"),
    ("Freedom is an inner development, commented the director of Moscow's Tolstoy Museum, Vitaly Remizov.",
     "Vitaly Remizov", "Russia"),
    ("Elias Isaac, director of the non-governmental organization Open Society in Angola, confirmed this to DW.",
     "Elias Isaac", "Angola"),
    # a body named but unknown: no country from the article around it
    ("Lithuania passed the law. Lithuania must drop it, said Michael Cashman, President of the Intergroup.",
     "Michael Cashman", "Lithuania"),
    # a region's post, not the state's
    ("Germany votes. In Germany, the polls indicate that state premier Guenther Beckstein is below 50 percent.",
     "Guenther Beckstein", "Germany"),
    ("Germany was shocked. In Germany, Roland Koch, premier of the state of Hesse, opposed the plan.",
     "Roland Koch", "Germany"),
    ("Axel Fischer is a Christian Democrat member of Germany's Bundestag.", "Axel Fischer", "Democratic Party"),
    # a British post whose title begins with "Lord" in an article about another state
    ("Iraq was invaded. Iraq fell. The advice involved the then Lord Chancellor, Lord Irvine of Lairg.",
     "Lord Irvine of Lairg", "Iraq"),
    ("Iraq was invaded. Iraq fell. The advice involved the then Lord Chancellor, Lord Irvine of Lairg.",
     "Lord Irvine of Lairg", "Treasury"),
    ("Anna Berg, a member of the Green party, spoke.", "Anna Berg", "Germany"),
])
def test_no_post_where_the_text_gives_none(read, text, person, body):
    _, relations = read(text)
    assert (person, "speaksFor", body, POS) not in relations, relations


def test_a_relative_clause_about_the_person_gives_no_body(read):
    _, relations = read("DW spoke to Heinrich Oberreuter, a political scientist at the University of Passau and "
                        "director of the Academy for Civic Education in Tutzing, who is close to the Christian "
                        "Social Union (CSU).")
    assert not any(s == "Heinrich Oberreuter" and o == "Christian Social Union" for s, _, o, _ in relations)


def test_a_house_named_by_common_nouns_makes_no_body(read):
    entities, _ = read("In mid-March, a member of Switzerland's upper house of parliament, Josef Dittli, filed a lawsuit.")
    assert entities["Josef Dittli"].type == "Official"
    assert not any(e.type == "Ministry" for e in entities.values()), sorted(entities)


def test_a_peer_is_named_with_the_title_and_sits_in_the_house_of_lords(read):
    entities, relations = read("The House of Lords ruled against the UK government. Lord Walker of Gestingthorpe, "
                               "the one law lord to oppose the appeal, said the laws were justified. Lord Hoffmann "
                               "agreed with Lord Chancellor Charles Falconer.")
    assert ("Lord Walker of Gestingthorpe", "speaksFor", "House of Lords", POS) in relations, sorted(relations)
    assert ("Lord Hoffmann", "speaksFor", "House of Lords", POS) in relations
    assert "Lord Chancellor" not in entities and "Lord Chancellor Charles Falconer" not in entities


def test_a_lord_outside_britain_sits_in_no_house_of_lords(read):
    _, relations = read("Lord Smith of Oxfordshire met Russian officials in Moscow, Russia's capital.")
    assert not any(o == "House of Lords" for _, _, o, _ in relations), sorted(relations)


@pytest.mark.parametrize("text, person", [
    ("Archbishop Desmond Tutu has called for the release of the inmates.", "Desmond Tutu"),
    ("Mr Clarke should take issue with a law established by his predecessor, David Blunkett.", "David Blunkett"),
    ("Dennis Edney, one of Khadr's attorneys, told CBC that he invited Khadr.", "Dennis Edney"),
    ("But lawyer Seyran Ates, who opened the mosque, lives with threats.", "Seyran Ates"),
])
def test_religious_leaders_lawyers_and_predecessors_in_office_are_officials(read, text, person):
    entities, _ = read(text)
    assert entities[person].type == "Official"


def test_who_runs_a_business_heads_no_actor(read):
    entities, relations = read("John Smith, who runs a bakery in Leeds, agreed.")
    assert entities["John Smith"].type is None and not relations


@pytest.mark.parametrize("text, person", [
    ("Gazprom CEO Alexei Miller told the media in Tokyo that a pipeline was likely.", "Alexei Miller"),
    ("Volkswagen executive Thomas Steg has returned to his post.", "Thomas Steg"),
    ("Chief executive Paolo Scaroni has said that supplies will be shut off.", "Paolo Scaroni"),
    ("German carmaker Volkswagen is reinstating chief lobbyist Thomas Steg.", "Thomas Steg"),
])
def test_a_business_s_post_makes_no_official(read, text, person):
    entities, relations = read(text)
    assert entities[person].type is None and not any(s == person for s, _, _, _ in relations), sorted(relations)


@pytest.mark.parametrize("text, relation", [
    # the same posts in a body that is an actor of the graph
    ("BBC chairman Michael Grade said the corporation would appeal.", ("Michael Grade", "speaksFor", "BBC", POS)),
    ("Jack Law, chief executive of Alcohol Focus Scotland, said it was ill-advised.",
     ("Jack Law", "speaksFor", "Alcohol Focus Scotland", POS)),
])
def test_a_business_post_in_an_actor_speaks_for_it(read, text, relation):
    _, relations = read(text)
    assert relation in relations, sorted(relations)


def test_a_church_s_post_speaks_for_no_state(read):
    _, relations = read("Syria is at war. Syria suffers. Jean Kawak, a Syriac bishop from Damascus, chose his words.")
    assert not any(s == "Jean Kawak" and o == "Syria" for s, _, o, _ in relations), sorted(relations)


@pytest.mark.parametrize("text, person", [
    ("In December, Man Monis, an Iran-born self-styled cleric with a criminal record, took hostages.", "Man Monis"),
    ("The so-called foreign minister of the rebels, John Doe, spoke.", "John Doe"),
])
def test_a_title_one_gave_oneself_is_no_post(read, text, person):
    entities, relations = read(text)
    assert entities[person].type is None and not any(s == person for s, _, _, _ in relations)


@pytest.mark.parametrize("text, person, official", [
    ("Jörg Lackenbauer, an economist at the Center for European Policy in Freiburg, agreed.", "Jörg Lackenbauer",
     True),
    ("Mikkel Barslund is a political scientist with the Center for European Policy Studies.", "Mikkel Barslund",
     True),
    # an academic, an expert on a subject, a scholar of nothing named
    ("Dr. Naeem Ahmed, professor of International Relations at Karachi University, told DW it was so.",
     "Naeem Ahmed", False),
    ("Paul de Beer, an economist at the University of Amsterdam, said so.", "Paul de Beer", False),
    ("Mia Landauer works as a research scholar on climate governance.", "Mia Landauer", False),
])
def test_an_expert_speaks_for_the_institute_named_as_theirs(read, text, person, official):
    entities, _ = read(text)
    assert (entities[person].type == "Official") is official, entities[person]


def test_fellow_members_of_a_party_are_no_person(read):
    entities, _ = read("Angela Merkel reportedly told her fellow Christian Democrats (CDU) in Berlin on Sunday "
                       "that she would run.")
    assert "Christian Democrats" not in entities or entities["Christian Democrats"].type != "Official"


def test_a_colleague_of_a_party_s_official_speaks_for_the_party(read):
    _, relations = read("Jozsef Tobias, deputy parliamentary leader of the Socialist opposition party (MSZP) termed "
                        "the reform a slap in the face of democracy. His colleague Tamas Harangozo called it inane.")
    assert ("Tamas Harangozo", "speaksFor", "Hungarian Socialist Party", POS) in relations, sorted(relations)


def test_an_expert_s_country_is_the_subject_not_the_employer(read):
    entities, relations = read("Syria expert Petra Becker of the German Institute for International and Security "
                               "Affairs in Berlin said so.")
    assert entities["Petra Becker"].type == "Official"
    assert not any(s == "Petra Becker" and o == "Syria" for s, _, o, _ in relations), sorted(relations)


def test_a_known_leader_speaks_for_the_state_the_article_names(read):
    _, relations = read("Egypt has changed since Mubarak was ousted.")
    assert ("Hosni Mubarak", "speaksFor", "Egypt", POS) in relations, sorted(relations)
    # named in passing, with no post and no state: perhaps a former leader
    _, relations = read("The heads of state fell one by one: Ben Ali fled, Mubarak was ousted, Gadhafi was killed.")
    assert not relations, sorted(relations)


@pytest.mark.parametrize("text, person, official", [
    ("It is scandalous that doctors still adhere to such superstitions, says DW's Fabian Schmidt.",
     "Fabian Schmidt", False),
    ("DW's Milan Gagnon is reporting from Cologne.", "Milan Gagnon", False),
    ("Amnesty's Kate Allen said the men must be freed.", "Kate Allen", True),
    ("Labour's Ken Livingstone said he would not apologise.", "Ken Livingstone", True),
])
def test_an_outlet_s_journalist_is_no_official(read, text, person, official):
    entities, _ = read(text)
    assert (entities[person].type == "Official") is official, entities[person]


def test_an_mep_sits_in_the_european_parliament(read):
    _, relations = read("Austrian MEP Ulrike Lunacek said it was crazy.")
    assert ("Ulrike Lunacek", "speaksFor", "European Parliament", POS) in relations, sorted(relations)
    assert not any(o == "Austria" for _, _, o, _ in relations), sorted(relations)


def test_who_joins_a_body_is_its_member(read):
    _, relations = read("Mr Makarov joined the KGB in 1970s Russia, as an idealistic 20 year-old.")
    assert ("Makarov", "speaksFor", "KGB", POS) in relations, sorted(relations)
    # a business is no actor: joining it makes no official
    entities, relations = read("Before joining Volkswagen, John Smith lived in Hamburg.")
    assert not relations and entities["John Smith"].type is None, sorted(relations)
