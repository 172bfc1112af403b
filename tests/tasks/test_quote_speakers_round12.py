"""Round 12 speaker rules (docs/quotes.md): he/she antecedents the resolver could not see (titled surnames, long or
body-led titled names, names with particles, the document's first letter), one list of name particles, a quote after
its paragraph's own sentence, adjuncts after an inverted speaker, documents and people of a body as speakers, a second
surname before an appositive."""

from __future__ import annotations

import polars as pl
import pytest

from tasks.attribution import subject_mention
from tasks.speakers import _paragraph_start
from tests.tasks.quote_frames import run


def speakers(*paragraphs: str) -> list[str | None]:
    return run(*paragraphs).sort("char_start")["speaker"].to_list()


def test_titled_surname_opening_a_sentence_is_a_pronoun_antecedent():
    # Reuters names "President Reagan" and then "Reagan", never "Ronald Reagan": he is still the subject a he goes back to
    got = speakers("President Reagan met Japanese Prime Minister Yasuhiro Nakasone in Washington.",
                   "Yasuhiro Nakasone left on Friday.",
                   'Reagan said later: "We will settle it." He added, "It is a matter of weeks."')
    assert got[-2:] == ["Reagan", "Reagan"]
    got = speakers("Indonesia will cut output, Mines Minister Subroto said.",
                   'Subroto told reporters prices would recover. "Demand is rising," he said.')
    assert got[-1] == "Subroto"


def test_untitled_or_object_surname_is_no_pronoun_antecedent():
    # a lone word the article never titles ("Texaco") is no person; nor is a titled surname as an object or possessive
    got = speakers("Oil analyst John Mann follows the company.",
                   'Texaco cut its prices on Monday. "The cut was expected," he said.')
    assert got[-1] == "John Mann"
    got = speakers('World Bank president Barber Conable pledged support. "The bank will help," Conable said.',
                   'After talks with President Suharto, he said, "Indonesia must do more."')
    assert got[-1] == "Barber Conable"
    got = speakers('"The outline has been known for some time," the spokesman said of President Reagan.',
                   'Reagan\'s announcement came on Friday. "We have time to react," he said.')
    assert got[-1] == "the spokesman"


def test_long_titled_name_is_a_pronoun_antecedent():
    # five capitalised words: a nationality and a title before the name ("Japanese Finance Minister Kiichi Miyazawa")
    got = speakers("Japanese Finance Minister Kiichi Miyazawa opened the meeting of the Asian Development Bank.",
                   '"The region is of special concern for us," he said.')
    assert got == ["Kiichi Miyazawa"]
    got = speakers("Canadian Foreign Secretary Joe Clark, ending a visit to Washington, said he expected action.",
                   '"There will be some movement," he told reporters.')
    assert got[-1] == "Joe Clark"


def test_first_paragraph_starts_at_the_first_letter():
    text = "The Reagan plan\n\nHe said"
    assert _paragraph_start(text, 5) == 0
    assert _paragraph_start(text, text.index("He")) == text.index("He")
    q = run("The Reagan administration opposes the tax, an administration official said.",
            '"We oppose it," he said.')
    assert q.filter(pl.col("quote_type") == "direct")["speaker"].to_list() == ["an administration official"]


def test_name_particles_are_one_list():
    from tasks.speaker_kinds import NAME_PARTICLES, name_ending
    from tasks.person_names import PARTICLE
    assert PARTICLE == "(?:" + "|".join(NAME_PARTICLES) + ")"
    assert name_ending("said Karel van der Berg".split()) == "Karel van der Berg"


def test_particle_opens_a_word():
    from tasks.person_names import NAME_RUN
    # "al" inside "federal", "le" inside "while": no particle, so the name after it stays a run of its own
    assert [m.group() for m in NAME_RUN.finditer("a federal Judge John Smith said")] == ["Judge John Smith"]
    assert [m.group() for m in NAME_RUN.finditer("while Reagan said")] == ["Reagan"]
    assert [m.group() for m in NAME_RUN.finditer("Mayor Bill de Blasio and Karel van der Berg")] == [
        "Mayor Bill de Blasio", "Karel van der Berg"]


def test_name_with_particle_is_a_pronoun_antecedent():
    got = speakers("South Africa will repay its debt, Finance Minister Barend du Plessis said.",
                   "Finance Minister Barend du Plessis told a news conference that banks agreed with South African "
                   'negotiators. "Others will follow," he said.')
    assert got[-1] == "Finance Minister Barend du Plessis"  # the speaker, title kept (was "South African")


def test_place_or_firm_with_particle_is_no_pronoun_antecedent():
    from tasks.person_names import name_shape
    for run_ in ("Rio de Janeiro Port", "La Electricidad de Caracas", "Fuerzas Electricas de Catalunya",
                 "Spain's Minas de Almaden", "de Blasio"):
        assert name_shape(run_) is None, run_
    got = speakers("La Electricidad de Caracas will meet its creditors, a company spokesman said.",
                   '"We are in an impossible situation," he told Reuters.')
    assert got[-1] == "a company spokesman"


def test_quote_after_a_sentence_about_a_person_is_theirs():
    # the previous paragraph's speaker does not continue into a paragraph that names someone else first
    got = speakers('Former ambassador Nikki Haley wrote on Twitter, "We must always have the backs of our allies."',
                   'Brett McGurk, a former envoy, also criticized the decision via Twitter. "The statement shows a '
                   'complete lack of understanding."')
    assert got == ["Former ambassador Nikki Haley", "Brett McGurk"]
    got = speakers('"The cuts will hurt," Senator Jane Smith said. The vote is on Friday.',
                   'Secretary John Baker defended the plan. He also criticized the critics. "They have no plan."')
    assert got[-1] == "John Baker"


def test_quote_after_a_sentence_about_no_person_continues_the_speaker():
    # a subject that is no person ("Sales") leaves the continuation; so does an earlier quote in the same paragraph
    got = speakers('"The year was hard," chief executive John Smith said.',
                   'Sales fell 5 pct in the quarter. "We expect a better second half."')
    assert got == ["chief executive John Smith"] * 2
    got = speakers('"The year was hard," chief executive John Smith said. Analyst Mary Jones left early. "We expect more."')
    assert got == ["chief executive John Smith"] * 2


def test_titled_name_with_a_body_before_the_title_is_a_pronoun_antecedent():
    from tasks.person_names import name_shape
    # "Treasury" made the whole run an organisation; the name after the title is the person
    assert name_shape("Treasury Secretary James Baker") == "James Baker"
    assert name_shape("Bundesbank President Karl Otto Poehl") == "Karl Otto Poehl"
    assert name_shape("General Motors Corp") is None and name_shape("Federal Reserve Board") is None
    got = speakers("Treasury Secretary James Baker told the House Appropriations Committee the United States is still "
                   'pressing Asian nations. "We have seen some strengthening," he said.')
    assert got[-1] == "James Baker"


def test_adjunct_after_an_inverted_speaker_goes():
    assert speakers('"They are among the best athletes," said Kipchoge after the run.') == ["Kipchoge"]
    assert speakers('"It is a good year," said Standard Bank Ltd in a budget preview.') == ["Standard Bank Ltd"]
    # a place or body after "in" is part of the mention
    assert speakers('"We are leaving," said Residents in the Copperbelt.') == ["Residents in the Copperbelt"]
    assert speakers('"Prices will rise," said traders in Tokyo.') == ["traders in Tokyo"]


def test_document_speaks_not_its_topic():
    from tasks.attribution import subject_mention
    assert subject_mention("The report on the economy ", 0).text == "The report on the economy"
    assert subject_mention("A confidential World Bank report on the Peruvian economy ", 0).text == \
        "A confidential World Bank report on the Peruvian economy"
    # other prepositions name the author or addressee: unchanged
    assert subject_mention("A study by the university ", 0).text == "the university"
    assert subject_mention("A letter to the editor ", 0).text == "the editor"
    got = speakers("Imus is survived by his wife.", "The family's statement on the death read: \"He loved her.\"")
    assert got == ["The family"]  # the owner, without the possessive (was "the death")


@pytest.mark.parametrize("subject, speaker", [
    ("A spokesman for the company ", "A spokesman for the company"),
    ("Officials at the ministry ", "Officials at the ministry"),
    ("An official from TfL ", "An official from TfL"),
    ("One of the users ", "One of the users"),
    ("a source close to the talks ", "a source close to the talks"),
    ("But lawyers for the victims' survivors ", "lawyers for the victims' survivors"),
    # a name or an ordinary noun before the preposition: unchanged
    ("Cardinal Marc Ouellet of the Holy See ", "Cardinal Marc Ouellet"),
    ("A study by the university ", "the university"),
    ("in what the police ", "the police"),
])
def test_person_or_source_of_a_body_speaks(subject, speaker):
    assert subject_mention(subject, 0).text == speaker


def test_pronoun_after_a_spokesman_of_a_body_finds_the_spokesman():
    got = speakers("Acme Corp cut prices on Monday.",
                   'A spokesman for the company said the cut was expected. He added that "margins will recover".')
    assert got == ["A spokesman for the company"] * 2


def test_titled_name_before_its_appositive_speaks():
    assert speakers("Captain Rosalo Ylagan, head of congressional security, said the device was a home-made bomb.") == [
        "Captain Rosalo Ylagan"]
    assert speakers("Shinji Fukukawa, Vice Minister of the International Trade and Industry Ministry, said in a "
                    "statement that Japan would consider measures.") == ["Shinji Fukukawa"]


def test_second_surname_before_an_appositive_is_kept():
    got = speakers("Ricardo Rosselló Nevares, Puerto Rico's governor, resigned on Wednesday.",
                   'In his speech, Rosselló said, "I leave with my head held high."')
    assert got == ["Ricardo Rosselló Nevares"]
    # a capitalised word that opens the next clause is no second surname
    got = speakers("Treasury Secretary James Baker met Gorbachev Friday, officials said.",
                   'Baker told reporters in Moscow on Friday, "The talks went well and we will meet again."')
    assert got[-1] == "James Baker"
