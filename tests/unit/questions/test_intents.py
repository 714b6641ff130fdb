"""The live-data intents: questions about the bot's own data, and document questions left alone."""

from __future__ import annotations

import pytest

from bot.services.intents import Intent, recognise

NEXT = Intent.NEXT_MEETING
CALLS = Intent.OPEN_CALLS
MINE = Intent.MY_SIGNUPS
FORMS = Intent.PENDING_FORMS
HELP = Intent.BOT_HELP

POSITIVE: list[tuple[str, Intent]] = [
    # next meeting, Swedish
    ("När är nästa dialogmöte?", NEXT),
    ("när är nästa dialogmöte", NEXT),
    ("nasta dialogmote?", NEXT),
    ("Nästa dialogmöte", NEXT),
    ("När ses vi nästa gång?", NEXT),
    ("när blir nästa möte", NEXT),
    ("Finns det något dialogmöte inplanerat?", NEXT),
    ("Vilka dialogmöten är på gång?", NEXT),
    ("kommande dialogmöten", NEXT),
    ("Är det något dialogmöte snart?", NEXT),
    ("när är nästa dialogmöt", NEXT),
    ("När är nästa dialog möte?", NEXT),
    ("var hålls nästa dialogmöte?", NEXT),
    ("nästa dialogmötet när?", NEXT),
    ("när är dialogmötet", NEXT),
    # next meeting, English
    ("When is the next dialogue meeting?", NEXT),
    ("when is the next meeting", NEXT),
    ("next dialogue meeting?", NEXT),
    ("Are there any upcoming meetings?", NEXT),
    ("when do we meet next?", NEXT),
    ("Any dialogue meetings coming up?", NEXT),
    ("when's the next dialog meeting", NEXT),
    # open calls, Swedish
    ("Vilka utlysningar är öppna?", CALLS),
    ("öppna utlysningar", CALLS),
    ("kan vi söka pengar nånstans nu", CALLS),
    ("Finns det några utlysningar just nu?", CALLS),
    ("vilka utlysnigar finns det?", CALLS),
    ("Aktuella utlysningar", CALLS),
    ("Finns det bidrag att söka nu?", CALLS),
    # open calls, English
    ("any open funding calls?", CALLS),
    ("Which funding calls are open?", CALLS),
    ("open calls", CALLS),
    ("Can we apply for funding anywhere right now?", CALLS),
    ("are there any grants we can apply for now", CALLS),
    # my sign-ups, Swedish
    ("Vad har jag anmält mig till?", MINE),
    ("vad har jag anmält mej till", MINE),
    ("Vilka möten har jag anmält mig till?", MINE),
    ("mina anmälningar", MINE),
    ("Står jag på väntelistan?", MINE),
    ("vilka möten ska jag gå på", MINE),
    ("vad har jag anmalt mig till", MINE),
    # my sign-ups, English
    ("What have I signed up for?", MINE),
    ("what am i registered for", MINE),
    ("Which meetings am I attending?", MINE),
    ("my sign-ups", MINE),
    ("Am I on the waiting list?", MINE),
    # pending forms and polls, Swedish
    ("Vilka enkäter väntar på mig?", FORMS),
    ("vilka enkäter väntar", FORMS),
    ("Har jag några enkäter att svara på?", FORMS),
    ("Har jag något formulär att fylla i?", FORMS),
    ("mina formulär", FORMS),
    ("finns det någon enkät jag inte har svarat på?", FORMS),
    ("vilka enkter väntar på mig", FORMS),
    # pending forms and polls, English
    ("do I have any forms to fill in", FORMS),
    ("Which polls are waiting for me?", FORMS),
    ("pending forms", FORMS),
    ("any surveys for me to answer?", FORMS),
    ("my forms", FORMS),
    # found missing on a second look at more phrasings, then added to the patterns
    ("Is there a meeting soon?", NEXT),
    ("what meetings are coming up", NEXT),
    ("Vilka bidrag kan vi söka just nu?", CALLS),
    ("Finns det några lediga utlysningar?", CALLS),
    ("what funding can we apply for right now?", CALLS),
    ("Which calls are open right now?", CALLS),
    ("Är jag anmäld till dialogmötet?", MINE),
    ("Are there polls I haven't answered?", FORMS),
    # using the bot itself: leaving, messages, language, data
    ("kan jag avregistrera mig", HELP),
    ("hur slutar jag få utskick?", HELP),
    ("Hur stänger jag av notiser?", HELP),
    ("hur byter jag språk", HELP),
    ("hur raderar jag mina uppgifter", HELP),
    ("vad kan du?", HELP),
    ("how do I unsubscribe", HELP),
    ("How can I stop getting notifications?", HELP),
    ("change language", HELP),
    ("delete my data", HELP),
    ("what is this bot for?", HELP),
    ("vad är det här för bot?", HELP),
    ("Vad gör den här boten?", HELP),
]

NEGATIVE: list[str] = [
    # about the documents' content
    "hur många dialogmöten blev det 2024?",
    "vad handlade dialogmötet i maj om?",
    "hur många dialogmöten blir det 2026?",
    "Hur många deltog i dialogmötena?",
    "Vad är ett dialogmöte?",
    "Vad kostar dialogmötena enligt budgeten?",
    "Varför har vi dialogmöten?",
    "Vilka dialogmöten hölls förra året?",
    "När hölls det första dialogmötet?",
    "Hur många möten höll RÖS-gruppen?",
    "Vad sades på förra dialogmötet?",
    "How many dialogue meetings were held in 2024?",
    "What is a dialogue meeting?",
    "What was the last dialogue meeting about?",
    "What is the budget for dialogue meetings?",
    # funding, but about the documents
    "Vad är en utlysning?",
    "Hur söker man pengar enligt överenskommelsen?",
    "Vilka utlysningar gjordes 2024?",
    "Vad säger överenskommelsen om IOP?",
    "How are funding calls decided in the agreement?",
    "What is an IOP?",
    # sign-up, asked how to
    "Hur anmäler jag mig till ett dialogmöte?",
    "Hur anmäler man sig?",
    "How do I sign up for a meeting?",
    "Can I bring a colleague to the meeting?",
    # polls and forms, asked about results
    "Vad visade enkäten 2024?",
    "Hur många svarade på enkäten?",
    "What did the survey show?",
    "Vad är budgeten för 2026?",
    "Hur många underskrivare har överenskommelsen?",
    "Vilka sitter i styrgruppen?",
    "hej",
    "",
    "När ska handlingsplanen vara klar?",
    "what is the next step in the action plan?",
    "Hur ofta hålls dialogmöten?",
    "Vem leder dialogmötena?",
    "Who can attend the dialogue meetings?",
    "Var hölls dialogmötet i september?",
    "What is the deadline for the annual report?",
    "Vilka enkäter har skickats ut?",
    "Did the meeting in May discuss IOP?",
    "Which calls did the region fund last year?",
    # about the newsletter and languages in the documents, not the bot's settings
    "Hur ofta kommer nyhetsbrevet?",
    "hur många utskick gjordes 2024",
    "vilket språk är dokumenten på",
    "Vad står det i nyhetsbrevet?",
]


@pytest.mark.parametrize(("question", "intent"), POSITIVE)
def test_questions_about_the_bots_own_data_are_recognised(question: str, intent: Intent) -> None:
    assert recognise(question) == intent


@pytest.mark.parametrize("question", NEGATIVE)
def test_questions_about_the_documents_are_left_to_the_documents(question: str) -> None:
    assert recognise(question) is None


def test_the_table_is_large_enough_in_both_languages() -> None:
    assert len(POSITIVE) >= 40 and len(NEGATIVE) >= 30
    assert {intent for _, intent in POSITIVE} == set(Intent)


def test_long_or_odd_messages_are_left_to_the_documents_quickly() -> None:
    long = "När är nästa dialogmöte? " + "bla " * 5000
    assert recognise(long) is None
    assert recognise("💥" * 4000) is None
    assert recognise("nästa\x00dialogmöte") == NEXT
