"""Cleaning (clean.py): spaces, glued sentences, boilerplate lines, the tag line, the title of plain text
and the article id. Pure functions only; the sentences are written for these tests."""

from __future__ import annotations

import hashlib

import pytest

from newstrace.clean import clean_body, make_article, normalise_spaces, split_title, unglue_sentences

# -- spaces ----------------------------------------------------------------------------------------


def test_odd_spaces_become_plain_spaces_and_zero_width_ones_go():
    raw = "Rain\u00a0fell\u2009on\u202fthe\u200b town\u2060 hall\ufeff roof."
    assert normalise_spaces(raw) == "Rain fell on the town hall roof."


def test_runs_of_spaces_collapse_and_lines_are_trimmed():
    raw = "  The   river   rose \t  overnight.  \n\n\n\n  Roads   closed.  "
    assert normalise_spaces(raw) == "The river rose overnight.\n\nRoads closed."


def test_windows_line_ends_become_newlines():
    assert normalise_spaces("First line.\r\n\r\nSecond line.") == "First line.\n\nSecond line."


# -- glued sentences ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "glued, fixed",
    [
        ("The vote was close.The mayor resigned.", "The vote was close. The mayor resigned."),
        ("Nobody came?Then we wait!Later it rained.", "Nobody came? Then we wait! Later it rained."),
        # a closing mark, then the next sentence's opening mark: the space goes before the opening mark
        ("“We were there,” he said.“I told them to leave.”", "“We were there,” he said. “I told them to leave.”"),
        # two quotes back to back: split between the marks
        ("“Done.”“Next question,” the clerk said.", "“Done.” “Next question,” the clerk said."),
        # a wrong-way mark opening a quote after a sentence: the space goes before the mark
        (
            "The rules are written in Brussels.”If they change, we comply,” he said.",
            "The rules are written in Brussels. ”If they change, we comply,” he said.",
        ),
    ],
)
def test_glued_sentences_get_their_space(glued, fixed):
    assert unglue_sentences(glued) == fixed


@pytest.mark.parametrize(
    "text",
    [
        "The U.S. trade deficit narrowed in May.",
        "Exports to the U.K. and the U.S. rose, e.g. in grain and steel.",
        "Growth slowed to 3.5 percent from 4.25 percent.",
        "Dr. Brown met Mr. Li at 10 a.m. on Monday.",
        "She earned a Ph.D. in Boston.",
    ],
)
def test_abbreviations_and_decimals_are_not_split(text):
    assert unglue_sentences(text) == text


def test_clean_body_unglues_every_paragraph():
    text, _ = clean_body("The bridge opened.Traffic moved.\n\nShops reopened.Buses ran.")
    assert text == "The bridge opened. Traffic moved.\n\nShops reopened. Buses ran."


# -- boilerplate and tags -------------------------------------------------------------------------

STORY = """Floods close the valley road

CLICK HERE FOR FULL VERSION OF THIS STORY

Heavy rain flooded three valley towns on Sunday, the regional weather office said.

Share on Facebook

Advertisement

Share prices of local insurers fell sharply on Monday as investors weighed the cost of the floods, which damaged more than two thousand homes and closed the main road north for a week.

Subscribe to our newsletter today

Engineers expect the road to reopen by Friday.

Tags: floods, weather, valley towns"""


@pytest.fixture(scope="module")
def story():
    return make_article(STORY, title=None, source="<test>")


@pytest.mark.parametrize(
    "line",
    [
        "CLICK HERE FOR FULL VERSION OF THIS STORY",
        "Share on Facebook",
        "Advertisement",
        "Subscribe to our newsletter today",
    ],
)
def test_boilerplate_lines_are_removed(story, line):
    assert line not in story.text


def test_story_paragraphs_are_kept_in_order(story):
    assert story.text == (
        "Heavy rain flooded three valley towns on Sunday, the regional weather office said.\n\n"
        "Share prices of local insurers fell sharply on Monday as investors weighed the cost of the floods, "
        "which damaged more than two thousand homes and closed the main road north for a week.\n\n"
        "Engineers expect the road to reopen by Friday."
    )


def test_a_long_paragraph_starting_with_share_is_kept(story):
    assert story.text.count("Share prices of local insurers") == 1


def test_final_tag_line_becomes_tags_and_leaves_the_text(story):
    assert story.tags == ["floods", "weather", "valley towns"]
    assert "Tags:" not in story.text
    assert story.text.endswith("Engineers expect the road to reopen by Friday.")


def test_tags_given_by_the_reader_win_over_the_tag_line():
    art = make_article("Body text of the story.\n\nTags: one, two", title="A title", tags=["given"])
    assert art.tags == ["given"]
    assert art.text == "Body text of the story."


# -- title of plain text and id -------------------------------------------------------------------


def test_first_line_is_the_title_when_a_blank_line_follows(story):
    assert story.title == "Floods close the valley road"
    assert not story.text.startswith("Floods close")


def test_no_blank_line_after_the_first_line_means_no_title():
    body = "Heavy rain flooded three valley towns on Sunday.\nThe road north is closed.\n\nEngineers are at work."
    art = make_article(body, title=None)
    assert art.title == ""
    assert art.text == body


def test_split_title_on_a_single_paragraph_keeps_everything():
    assert split_title("Only one paragraph here.") == ("", "Only one paragraph here.")


def test_a_title_given_by_the_reader_is_not_split_again():
    art = make_article("First paragraph.\n\nSecond paragraph.", title="Given headline")
    assert art.title == "Given headline"
    assert art.text == "First paragraph.\n\nSecond paragraph."


def test_article_id_is_the_sha256_of_the_cleaned_text(story):
    assert story.id == hashlib.sha256(story.text.encode("utf-8")).hexdigest()
    # the same story with different furniture around it is the same article
    again = make_article(STORY.replace("Advertisement", "Share on Twitter"), title=None)
    assert again.id == story.id


# -- crawl boilerplate (video widgets, photo credits, related links) ----------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "JUST WATCHED Why the harbour flooded Replay More Videos ... MUST WATCH Why the harbour flooded 01:42",
        "Replay More Videos",
        "CLOSE The mayor explains the new parking rules in a short video for residents of the old town. Newsy",
        "Slideshow (4 Images)",
        "Read more:",
        "READ MORE: Harbour wall to be rebuilt after storm damage",
        "More: Five things to know about the new bus timetable",
        "Read or Share this story: https://example.com/s/abc",
        "(Associated Press)",
        "REUTERS/Jane Okafor",
        "AP Photo/Tom Ruiz",
        "(Photo: Getty Images)",
        "Screenshot: “harbour-council.example”",
        "Workers clear debris from the harbour road on Tuesday. (Photo by Ines Marr/Getty Images)",
        "A crane lifts a boat from the water in Dover, Britain, March 3, 2024. REUTERS/Jane Okafor",
        "© AFP Workers clear debris from the harbour road on Tuesday.",
        "This March 3, 2024 photo shows the harbour wall in Dover. (Harbour Trust via AP) (Associated Press)",
        "A crane lifts a boat from the water. Photograph: Ines Marr/Getty Images",
        "More:",
        "SOURCE: Coast Wire News",
        "Source: Reuters and AFP",
        "Follow Harbourbeat on Instagram, Facebook, Twitter and YouTube.",
        "Listen to Harbourbeat live at 12:45 weekdays - or listen back here.",
        "- A SIMPLE GUIDE: What do the new parking rules mean?",
        "- LOOK-UP TOOL: Check the closures in your area",
        "Enlarge this image toggle caption Ines Marr/AP Ines Marr/AP",
        "(Additional reporting by Jane Okafor; Editing by Tom Ruiz.)",
        "Do you support the harbour plan? Like the page:",
        "Updated at 9:50 p.m. ET Thursday",
        "SEE MORE: Harbour protests: 800 students under siege",
        "DON'T MISS",
        "Harbour 'threatened with military intervention' [REACTION]",
    ],
)
def test_crawl_boilerplate_lines_are_removed(line):
    text, _ = clean_body(f"The harbour reopened on Monday.\n\n{line}\n\nBoats returned by noon.")
    assert text == "The harbour reopened on Monday.\n\nBoats returned by noon."


@pytest.mark.parametrize(
    "sentence",
    [
        "Reuters reported that the photo was taken in May by a local resident.",
        "The Associated Press obtained a photo of the letter on Tuesday.",
        "Reuters/Ipsos polling showed the mayor ahead by four points.",
        "Close to 200 people were evacuated from the harbour, officials said.",
        "More than 40 boats were damaged in the storm.",
        "Read more than 500 pages of the report and you find no mention of the wall, he said.",
        "The photo, published by AFP, shows the harbour master at the scene.",
        "DOVER (AFP) - The harbour reopened on Monday after a week of repairs.",
        "A photo of the damage was released on Tuesday (AP).",
        "The council will publish more details here next week.",
        "Source: officials said the figures were wrong.",
        "- The harbour master: the wall will hold.",
        "Follow-up checks on the wall are planned.",
        "He urged readers to read more books. Read more about the wall later, he said.",
        "Updated at noon, the map shows which roads are closed.",
        "Additional reporting on the wall is planned, the council said.",
        "Don't miss the boat, the harbour master said.",
    ],
)
def test_article_sentences_that_mention_agencies_or_photos_are_kept(sentence):
    text, _ = clean_body(f"The harbour reopened on Monday.\n\n{sentence}")
    assert text == f"The harbour reopened on Monday.\n\n{sentence}"


def test_a_link_sentence_after_the_last_sentence_is_dropped():
    text, _ = clean_body("UPDATE: The mayor spoke to reporters on Tuesday afternoon. Details here.")
    assert text == "UPDATE: The mayor spoke to reporters on Tuesday afternoon."


def test_markup_tags_left_by_a_crawler_are_removed_but_their_text_kept():
    assert clean_body("The <b>harbour</b> reopened.<br/>")[0] == "The harbour reopened."


def test_an_embedded_post_in_markup_keeps_quote_marks_when_its_tags_go():
    body = 'The mayor posted:\n\n<tweet tweet-author="@mayor" tweet-date="May 1,\n2024">Harbour open!<tweet/>'
    text, _ = clean_body(body)
    assert text == "The mayor posted:\n\n“Harbour open!” —@mayor"  # the post keeps its author, as the page shows it
    assert (
        clean_body("If x < y then <jane@example.com> writes back.")[0]
        == "If x < y then <jane@example.com> writes back."
    )


def test_a_newsletter_box_flattened_into_a_paragraph_and_share_prompts_go():
    from newstrace.clean import clean_body

    body = (
        "The harbour vote is near. Get the Morning Briefing by Email What you need to know, delivered to your "
        "inbox. Invalid email address. Please re-enter. Sign Up Receive occasional updates and special offers "
        "for the Gazette's products and services. Thank you for subscribing. View all Harbour Gazette newsletters. "
        "Talk of rigging the vote rises again.\n\nLike this story? Share it with a friend!\n\n"
        "Also on gazette.com Protesters clash with police at the docks\n\nThe minister resigned."
    )
    assert (
        clean_body(body)[0]
        == "The harbour vote is near. Talk of rigging the vote rises again.\n\nThe minister resigned."
    )


def test_a_related_story_link_flattened_into_a_paragraph_goes():
    text, _ = clean_body(
        'The wall held, the mayor said. "It was close." Storm season: why harbours flood every winter Read more '
        "Boats returned by noon."
    )
    assert text == 'The wall held, the mayor said. "It was close." Boats returned by noon.'


def test_share_buttons_glued_into_a_paragraph_become_a_paragraph_break():
    text, _ = clean_body(
        "Three people were named by police Click to share on WhatsApp (Opens in new window) Click to share on "
        "Facebook (Opens in new window) THE harbour reopened on Monday."
    )
    assert text == "Three people were named by police\n\nTHE harbour reopened on Monday."


@pytest.mark.parametrize(
    "tail",
    [
        " • Hana Okoro is a senior reporter on the Herald’s science desk. She has reported from Lagos and Accra",
        " Tomas Brandt is Europe correspondent for Radio North",
        " Additional reporting: Aiko Tanaka and Li Wei",
    ],
)
def test_a_writers_bio_or_credit_closing_a_flattened_story_is_dropped(tail):
    story = "The bridge reopened on Monday after two years of repairs. “It is a relief,” said one driver."
    assert clean_body(story + tail)[0] == story


def test_a_story_sentence_about_a_reporter_is_kept():
    story = (
        "Police freed the hostages on Monday. Lena Varga is a reporter for a local paper. She was held for three days."
    )
    assert clean_body(story)[0] == story


def test_a_flattened_photo_gallery_and_wire_copyright_are_dropped():
    story = "The parade was cancelled after the storm.\nOfficials said the route would reopen on Friday."
    gallery = (
        "\nPhotos: Storm damage in pictures Trees lie across the main road. Hide Caption 1 of 3 Photos: Storm "
        "damage in pictures A man clears his drive. Hide Caption 2 of 3 Photos: Storm damage in pictures "
        "Hide Caption 3 of 3"
    )
    credit = "\nCopyright 2021 The Associated Press. All rights reserved. This material may not be published."
    text = clean_body(story + gallery + credit)[0]
    assert "Hide Caption" not in text and "Copyright" not in text
    assert "The parade was cancelled" in text and "reopen on Friday" in text


def test_a_tabloids_related_stories_strip_is_dropped_and_story_words_kept():
    strip = (
        "\nMOST READ IN SPORT 'WHAT A GOAL!' Striker scores from halfway line FERRY FURY Passengers stranded "
        "for nine hours after a crash that killed 5 GRAN'S GARDEN Pensioner wins prize for giant marrow"
    )
    story = "The club confirmed the signing on Monday.\nThe fee was not disclosed, most read in news reports."
    text = clean_body(story.split("\n")[0] + strip + "\n" + story.split("\n")[1])[0]
    assert "FERRY FURY" not in text and "killed 5" not in text
    assert "confirmed the signing" in text and "most read in news reports" in text
