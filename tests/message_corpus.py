"""Follow-up messages written to sound like real ones, each labelled by hand with the findings
the five documents' checks should give (against all five, with the kind, purpose and stage
shown). The labels say what a careful reader of the documents would flag, not what the patterns
happen to catch: the gap between the two is the precision and recall that test_messages prints.
"""

from __future__ import annotations

import attrs

from followup_rules import MessageKind, Purpose, Stage

__all__ = ["CORPUS", "LABELS", "Labelled"]

LABELS = {
    "blame": "right-changes/no-blame",
    "opener": "right-changes/friendly-opener",
    "impatient": "five-rules/impatience",
    "ask-stop": "five-rules/ask-whether-to-stop",
    "long-call": "career-staffing/keep-it-short",
    "long-voicemail": "call-back/script-first",
    "gatekeeper": "call-back/little-detail-to-gatekeepers",
    "busy": "three-by-three/three-part-busy",
    "received": "three-by-three/three-part-received",
    "improve": "three-by-three/three-part-improve",
}
"""The short labels used below, and the finding (rule set/check) each stands for."""

EMAIL, VOICEMAIL, PERSON, CALL, NOTE = (
    MessageKind.EMAIL,
    MessageKind.VOICEMAIL,
    MessageKind.MESSAGE_WITH_PERSON,
    MessageKind.CALL,
    MessageKind.NOTE,
)
PRE, POST = Stage.PRE_INTERVIEW, Stage.POST_INTERVIEW
STATUS, THANKS, ASK = Purpose.STATUS, Purpose.THANK_YOU, Purpose.ASK_WHETHER_TO_CONTINUE


@attrs.frozen
class Labelled:
    text: str
    kind: MessageKind
    stage: Stage | None
    purpose: Purpose
    labels: frozenset[str]

    @property
    def expected(self) -> frozenset[str]:
        return frozenset(LABELS[label] for label in self.labels)


def _m(
    text: str,
    kind: MessageKind,
    stage: Stage | None,
    *labels: str,
    purpose: Purpose = STATUS,
) -> Labelled:
    assert set(labels) <= set(LABELS), labels
    return Labelled(text, kind, stage, purpose, frozenset(labels))


_LONG_VOICEMAIL = (
    "Hi, this is Dana Whitfield, I hope your week is going well. I'm calling about the "
    "marketing coordinator role. I know you're busy and have probably had a lot of applicants. "
    "I wanted to check whether you received my application, which I sent on the second, and, "
    "um, also just to say that I have five years of experience running campaigns, I managed a "
    "budget of two hundred thousand dollars at my last job, I'm certified in Google Analytics, "
    "and I also did a lot of event planning, which I saw was in the description. Is there "
    "anything I could do to improve my chances? My number is 555 0134. Thanks so much, bye."
)

CORPUS: tuple[Labelled, ...] = (
    # Status emails after an interview ------------------------------------------------------
    _m(
        "Hi Ms. Ortega,\n\nI hope you had a restful Thanksgiving. I wanted to let you know I "
        "remain very interested in the analyst position and look forward to the next steps.\n\n"
        "Best,\nSam",
        EMAIL,
        POST,
    ),
    _m(
        "Hi Mark,\n\nI didn't hear from you last week, so I'm checking in on the project "
        "manager role.\n\nThanks,\nPriya",
        EMAIL,
        POST,
        "blame",
        "opener",
    ),
    _m(
        "Dear Mr. Chen,\n\nYou said you would get back to me by Friday, but you never got back "
        "to me. Could you tell me where things stand?\n\nRegards,\nAlex",
        EMAIL,
        POST,
        "blame",
        "opener",
    ),
    _m(
        "Hello Karen,\n\nI hope your week is off to a good start. I'm still very excited about "
        "the UX designer opening and would be happy to share more samples of my work if that "
        "would help.\n\nWarm regards,\nLena",
        EMAIL,
        POST,
    ),
    _m(
        "Hi Tom,\n\nI still haven't heard anything back about the sales role. Why is it taking "
        "so long? I need an answer by Monday.\n\nJoe",
        EMAIL,
        POST,
        "blame",
        "impatient",
        "opener",
    ),
    _m(
        "Hi Jen,\n\nHow was your trip to Denver? I wanted to follow up on our conversation about "
        "the data engineer role; I'm still very interested.\n\nThanks,\nOmar",
        EMAIL,
        POST,
    ),
    _m(
        "Good morning Mr. Patel,\n\nThank you again for meeting with me on Tuesday. I enjoyed "
        "learning about the team's plans for next year and I remain excited about the role.\n\n"
        "Sincerely,\nGrace",
        EMAIL,
        POST,
    ),
    _m(
        "Hi Rob,\n\nThis is my third email about the operations position. I've been waiting for "
        "weeks and frankly it's unprofessional not to reply.\n\nMichael",
        EMAIL,
        POST,
        "impatient",
        "opener",
    ),
    _m(
        "Dear Hiring Team,\n\nI am writing to follow up on my interview for the accountant "
        "position on November 10. I remain interested and would welcome any update.\n\n"
        "Sincerely,\nNadia",
        EMAIL,
        POST,
        "opener",
    ),
    _m(
        "Hi Sarah,\n\nSince I haven't heard back from you, I assume the position may be filled? "
        "Please let me know.\n\nBen",
        EMAIL,
        POST,
        "blame",
        "opener",
    ),
    _m(
        "Hi Luis,\n\nI hope the product launch went smoothly! I'm following up on the support "
        "lead role and wanted to share a short write-up of how I'd approach the ticket backlog "
        "we discussed.\n\nAll the best,\nKim",
        EMAIL,
        POST,
    ),
    _m(
        "Hello Ms. Brooks,\n\nJust following up again on the paralegal role. Please respond "
        "ASAP, as I have another offer.\n\nTara",
        EMAIL,
        POST,
        "impatient",
        "opener",
    ),
    _m(
        "Hi Amir,\n\nHappy New Year! I wanted to reconnect about the research assistant position "
        "and let you know I'm still keen on it.\n\nBest,\nChloe",
        EMAIL,
        POST,
    ),
    _m(
        "Dear Dr. Young,\n\nWe met on the 4th about the lab technician opening. Is there an "
        "update on the timeline?\n\nBest regards,\nEthan",
        EMAIL,
        POST,
        "opener",
    ),
    _m(
        "Hi Paula,\n\nYou were supposed to call me on Wednesday about the next round. What "
        "happened?\n\nDerek",
        EMAIL,
        POST,
        "blame",
        "opener",
    ),
    _m(
        "Hi Greg,\n\nI trust you had a good weekend. I'm writing to reiterate my interest in the "
        "warehouse supervisor role; I'm available for a second conversation any day next week."
        "\n\nThanks,\nMaria",
        EMAIL,
        POST,
    ),
    _m(
        "Hello,\n\nI have emailed you four times now and I'm getting frustrated. The least you "
        "could do is reply.\n\nSteve",
        EMAIL,
        POST,
        "impatient",
        "opener",
    ),
    _m(
        "Hi Dana,\n\nIt was great speaking with you last Thursday. I'm still very interested in "
        "the teaching position and look forward to hearing about next steps.\n\nRegards,\nIan",
        EMAIL,
        POST,
    ),
    _m(
        "Hi Helen,\n\nI noticed you hadn't responded to my last note, so I'm resending my "
        "portfolio.\n\nRachel",
        EMAIL,
        POST,
        "blame",
        "opener",
    ),
    _m(
        "Hi Victor,\n\nCongratulations on the award your team won last week! I'm still very "
        "interested in the engineering manager role and happy to answer any further "
        "questions.\n\nBest,\nNina",
        EMAIL,
        POST,
    ),
    # Status emails before an interview ------------------------------------------------------
    _m(
        "Hi Ms. Lopez,\n\nI hope you're having a good week. I applied for the bookkeeper "
        "position last Tuesday and wanted to confirm you received my application.\n\nThank you,"
        "\nAnna",
        EMAIL,
        PRE,
    ),
    _m(
        "Hello,\n\nI submitted my resume for the receptionist role two weeks ago and never got "
        "a response from you. Is the job still open?\n\nKevin",
        EMAIL,
        PRE,
        "blame",
        "opener",
    ),
    _m(
        "Dear Hiring Manager,\n\nI'm following up on my application for the graphic designer "
        "position. I'd be glad to send additional samples.\n\nRegards,\nMia",
        EMAIL,
        PRE,
        "opener",
    ),
    _m(
        "Hi Jordan,\n\nHope all is well with you and the team. I applied for the IT support role "
        "on Monday and wanted to make sure my resume came through.\n\nThanks,\nLiam",
        EMAIL,
        PRE,
    ),
    # Voicemails before an interview (the 3x3 script applies) -------------------------------
    _m(
        "Hi, this is Jordan Smith. I hope your week is going well. I know you're busy and have "
        "had a lot of responses to the analyst opening. I'm calling to ask whether you received "
        "my application, and whether there's anything I could do to improve my chances. My "
        "number is 555 0101. Thank you.",
        VOICEMAIL,
        PRE,
    ),
    _m(
        "Hi, this is Maya Green calling about the office manager position. Did you receive my "
        "resume? Please call me back at 555 0190.",
        VOICEMAIL,
        PRE,
        "opener",
        "busy",
        "improve",
    ),
    _m(
        "Hello, this is Carlos. Hope you're doing well. I'm sure you're swamped with "
        "applications for the driver job. Is there anything else I can send that would help "
        "my application? You can reach me at 555 0177.",
        VOICEMAIL,
        PRE,
        "received",
    ),
    _m(
        "Hi, it's Leah Park. I hope your Monday went well. I know this is a busy season for "
        "you. I wanted to check that you got my application for the nurse position. Thanks, "
        "555 0112.",
        VOICEMAIL,
        PRE,
        "improve",
    ),
    _m(
        "Hi, this is Devon. I didn't hear back from you about my application, so I'm calling "
        "to see if you got it. Call me at 555 0155.",
        VOICEMAIL,
        PRE,
        "blame",
        "opener",
        "busy",
        "improve",
    ),
    _m(_LONG_VOICEMAIL, VOICEMAIL, PRE, "long-call"),
    _m(
        "Hello, this is Priya Shah. I hope you had a nice weekend. I realise you must have "
        "received many applications for the chemist role, so I'm calling to check whether you "
        "received mine, and to ask what I could do to strengthen my application. 555 0166. "
        "Thank you.",
        VOICEMAIL,
        PRE,
    ),
    _m(
        "Hi, this is Sam calling about the junior developer position. Just wanted to introduce "
        "myself. Talk soon.",
        VOICEMAIL,
        PRE,
        "opener",
        "busy",
        "received",
        "improve",
    ),
    # Calls before an interview ---------------------------------------------------------------
    _m(
        "Hi Ms. Dunn, this is Felix Grant. How are you today? I know your team is busy with the "
        "hiring push. I'm calling to ask whether you received my application for the buyer "
        "role, and whether there's anything I could do to improve my chances.",
        CALL,
        PRE,
    ),
    _m(
        "Hi, this is Rosa. I'm calling to see whether you received my application for the chef "
        "position.",
        CALL,
        PRE,
        "opener",
        "busy",
        "improve",
    ),
    # Voicemails and calls after an interview -------------------------------------------------
    _m(
        "Hi Mr. Lane, this is Owen Price. I hope your week is going well. I wanted to say I'm "
        "still very interested in the logistics role and look forward to moving ahead. My "
        "number is 555 0123. Thanks.",
        VOICEMAIL,
        POST,
    ),
    _m(
        "Hi, it's Beth. This is my second call this week. I still haven't heard anything about "
        "the designer role. Call me back today please, 555 0199.",
        VOICEMAIL,
        POST,
        "impatient",
        "blame",
        "opener",
    ),
    _m(
        "Hi Carla, this is Ned Fox, I hope you're well. I interviewed with you and Frank on "
        "Monday for the controller position and I wanted to follow up and say that I really "
        "enjoyed meeting the team and, you know, I think my background in audit would be a "
        "good fit, because at my last company I led the month-end close and cut it from ten "
        "days to six, and I also rolled out a new expense system, and I have my CPA, which I "
        "know you mentioned was important. Anyway, please give me a call back when you get a "
        "chance at 555 0145. Thanks again, bye.",
        VOICEMAIL,
        POST,
        "long-call",
        "long-voicemail",
    ),
    _m(
        "Hello, this is Irene Walsh. Hope your week's going well. I'm still interested in the "
        "scheduler role and happy to answer any questions. 555 0188. Thank you.",
        VOICEMAIL,
        POST,
    ),
    _m(
        "Hi Mr. Kim, this is Theo. I hope you had a good weekend. Just calling to let you know "
        "I'm still very interested in the position and looking forward to next steps.",
        CALL,
        POST,
    ),
    _m(
        "Hi, it's Zoe from the interview on Tuesday. As I already said in my email, I need an "
        "answer this week.",
        CALL,
        POST,
        "impatient",
        "opener",
    ),
    # Messages left with a receptionist or an assistant --------------------------------------
    _m(
        "Hello, this is Paul Reyes. I hope your day is going well. Could you let Ms. Grant know "
        "I called to follow up on our meeting last week? My number is 555 0142. Thank you.",
        PERSON,
        POST,
    ),
    _m(
        "Hi, this is Paul Reyes. Could you tell Ms. Grant I'm calling about the senior analyst "
        "position I interviewed for, and ask whether the salary range has been decided? "
        "555 0142.",
        PERSON,
        POST,
        "gatekeeper",
        "opener",
    ),
    _m(
        "Hi, I hope you're having a nice day. Please tell Mr. Ito that Wendy Cole called about "
        "our meeting last Thursday; he can reach me at 555 0133. Thanks so much.",
        PERSON,
        POST,
    ),
    _m(
        "Hello, could you pass a message to Dr. Shah? It's Marcus Bell, following up about the "
        "research coordinator opening and my interview on the 12th. 555 0177.",
        PERSON,
        POST,
        "gatekeeper",
        "opener",
    ),
    _m(
        "Hi, this is Elena. How are you today? Would you let Mr. Hart know I returned his call? "
        "He has my number, 555 0150.",
        PERSON,
        POST,
    ),
    _m(
        "Hi there, hope your week is going well. Can you let Jane know that Rick Olsen called? "
        "I'm one of the candidates for the foreman job. 555 0161.",
        PERSON,
        POST,
        "gatekeeper",
    ),
    _m(
        "Hello, it's Sofia Ruiz. Please ask Mr. Dale to call me back at 555 0108 about our "
        "meeting.",
        PERSON,
        POST,
        "opener",
    ),
    # Thank-you notes, emails and calls ------------------------------------------------------
    _m(
        "Dear Ms. Ford,\n\nThank you for taking the time to meet with me yesterday. I enjoyed "
        "hearing about the clinic's expansion and remain very interested in the role.\n\n"
        "Sincerely,\nHannah",
        NOTE,
        POST,
        purpose=THANKS,
    ),
    _m(
        "Hi Raj,\n\nThanks for the conversation yesterday about the network engineer role. I "
        "came away even more excited about the team.\n\nBest,\nDmitri",
        EMAIL,
        POST,
        purpose=THANKS,
    ),
    _m(
        "Hi, this is Alma. Thank you so much for meeting with me yesterday; I enjoyed our "
        "conversation and I'm very interested in the role. My number is 555 0111.",
        VOICEMAIL,
        POST,
        purpose=THANKS,
    ),
    _m(
        "Dear Mr. Boyd,\n\nI appreciated our informational meeting last week. Your advice about "
        "the certification path was especially useful.\n\nKind regards,\nJulia",
        NOTE,
        POST,
        "opener",
        purpose=THANKS,
    ),
    _m(
        "Hi Ms. Grey, it's Simon. Thank you for your time on Friday. I'd love to move forward "
        "with the process.",
        CALL,
        POST,
        purpose=THANKS,
    ),
    # Asking whether to stop ------------------------------------------------------------------
    _m(
        "Hi Laura,\n\nI hope your week is going well. I've reached out by phone and email about "
        "the planner role and don't want to take up your time: would you like me to keep "
        "following up, or should I stop?\n\nThanks for your honesty,\nAisha",
        EMAIL,
        POST,
        purpose=ASK,
    ),
    _m(
        "Hi Derek,\n\nHope all is well. Is the company still interested in me for the "
        "technician role? If not, I completely understand.\n\nBest,\nMarco",
        EMAIL,
        POST,
        purpose=ASK,
    ),
    _m(
        "Hi Carmen,\n\nI'm following up again about the copywriter position. Please let me know "
        "where things stand.\n\nLucy",
        EMAIL,
        POST,
        "ask-stop",
        "impatient",
        "opener",
        purpose=ASK,
    ),
    _m(
        "Hi Mr. Stone,\n\nI hope you had a good holiday. I remain very interested in the "
        "auditor role and would appreciate any update you can share.\n\nRegards,\nPeter",
        EMAIL,
        POST,
        "ask-stop",
        purpose=ASK,
    ),
    _m(
        "Hi, this is Ava Moss. I hope you're well. I don't want to take up more of your time: "
        "should I keep checking in about the coordinator role, or stop here? 555 0147.",
        VOICEMAIL,
        POST,
        purpose=ASK,
    ),
    _m(
        "Dear Ms. Fry,\n\nI haven't heard back after my calls and emails, so I assume you've "
        "moved on. Should I stop contacting you?\n\nGina",
        EMAIL,
        POST,
        "blame",
        "opener",
        purpose=ASK,
    ),
    _m(
        "Hi Tim,\n\nHope your week's been good. Am I still in the running for the sous chef "
        "job, or should I look elsewhere?\n\nCheers,\nNoah",
        EMAIL,
        POST,
        purpose=ASK,
    ),
    # Stage unknown ---------------------------------------------------------------------------
    _m(
        "Hi Ms. Nash,\n\nI hope you're well. I'm checking in on the status of my application "
        "for the analyst role.\n\nBest,\nYuki",
        EMAIL,
        None,
    ),
    _m(
        "Hello,\n\nIt has been three weeks. I've been waiting a long time and would appreciate "
        "the courtesy of a reply.\n\nFrank",
        EMAIL,
        None,
        "impatient",
        "opener",
    ),
    _m(
        "Hi Mr. Ali,\n\nHow have you been? I wanted to touch base about the operations analyst "
        "role and share an article on supply-chain forecasting you might enjoy.\n\nBest,\nEva",
        EMAIL,
        None,
    ),
    _m(
        "Hi Sue,\n\nYou didn't get back to me about the schedule for the second interview. Can "
        "you send it?\n\nMatt",
        EMAIL,
        None,
        "blame",
        "opener",
    ),
    _m(
        "Hi Ken,\n\nJust checking in on the status of the accounts role. Let me know if you "
        "need anything else from me.\n\nThanks,\nRita",
        EMAIL,
        None,
        "opener",
    ),
)


def markdown_table() -> str:
    """The corpus as the how-to page shows it: one row per message, with its labels."""
    rows = [
        "| # | message | kind | stage | purpose | expected findings |",
        "|---|---|---|---|---|---|",
    ]
    for number, case in enumerate(CORPUS, 1):
        text = case.text.replace("\n\n", " / ").replace("\n", " ").replace("|", "\\|")
        stage = case.stage.value if case.stage is not None else "unknown"
        labels = ", ".join(f"`{LABELS[label]}`" for label in sorted(case.labels)) or "none"
        rows.append(
            f"| {number} | {text} | {case.kind.value} | {stage} | {case.purpose.value} | {labels} |"
        )
    return "\n".join(rows)
