"""Yes/no evidence that settles the question (``rag.settles``): tiny hand-made candidates, the case each rule exists
for and one it must leave."""

from candkit import cands as _cands
from candkit import query as _q
from rag.settles import act_told, asked_act, subject_held
from rag.yesno import pick_yes_no


def test_a_sentence_of_what_will_be_does_not_settle_whether_it_was_done():
    # "will require another renewal" holds the question's words; "renewed the permit" tells the act done
    q = "did the ferry permit end up getting renewed?"
    cands = _cands("a", ["Keeping the ferry running will require another renewal of the permit.",
                         "The harbour is busy in summer.",
                         "In May the port renewed the ferry permit for two years."], [0.9, 0.85, 0.8])
    assert act_told(q, cands[0], cands) is cands[2]
    chosen, _, lead, _ = pick_yes_no(_q(q, intent="yes_no"), cands)
    assert chosen[0] is cands[2] and lead == "Yes — "


def test_a_statement_of_the_act_stays_the_evidence():
    q = "did the ferry permit end up getting renewed?"
    stated = _cands("a", ["The permit's renewal in May kept the ferry running.",
                          "In May the port renewed the ferry permit for two years."], [0.9, 0.85])
    assert act_told(q, stated[0], stated) is stated[0]  # a statement of fact already settles it
    far = _cands("a", ["Keeping the ferry running will require another renewal.",
                       "In May the port renewed the ferry permit."], [0.9, 0.5])
    assert act_told(q, far[0], far) is far[0]  # the telling sentence is too far down to be heard


def test_the_evidence_names_the_subject_asked_about():
    # "last" and "year" of "its last term ran out last year" are other senses; the renewal is the subject
    q = "did the renewal only last for one year?"
    w = {"renew": 1.0, "last": 2.0, "year": 2.0}
    cands = _cands("a", ["Its last term ran out last year.", "The port renewed the permit for five years."], [0.9, 0.8])
    assert subject_held(q, w, cands[0], cands) is cands[1]
    assert subject_held("did the ports only last for one year?", w, cands[0], cands) is cands[0]  # no subject held
    assert subject_held(q, w, cands[0], cands, skip={"renew"}) is cands[0]  # a word for the document is no subject


def test_the_participle_naming_the_subject_is_not_the_asked_act():
    # "the updated pact" names which pact; the act asked about is the one done to it
    assert asked_act("was the updated ferry pact wrapped up in Oslo?") == "wrapped"
    assert asked_act("was it quietly extended?") == "extended"


def test_choices_after_whether_neither_affirm_nor_deny():
    # "terminate" offered as one choice is no denial that the permit was extended
    from rag.polarity import verdict
    assert verdict("was the ferry permit ever extended?",
                   "The decision on whether to extend, amend, or terminate the permit matters.") == "yes"
    assert verdict("was the ferry permit ever extended?", "The port terminated the permit.") == "no"


def test_a_wish_or_a_choice_does_not_settle_what_came_about():
    from rag.settles import settling
    q = "has the ferry permit been renewed?"
    w = {"ferri": 1.0, "permit": 1.0, "renew": 2.0}
    hoped = _cands("a", ["One hopes the permit's renewal keeps the ferry running.",
                         "Despite the permit's renewal, the ferry stopped in May."], [0.9, 0.85])
    assert settling(q, w, hoped[0], hoped) is hoped[1]
    chosen, _, _, _ = pick_yes_no(_q(q, intent="yes_no"), hoped, w)
    assert chosen[0] is hoped[1]
    offered = _cands("a", ["The port must decide whether to renew or scrap the ferry permit.",
                           "The port renewed the ferry permit in May."], [0.9, 0.85])
    assert settling(q, w, offered[0], offered) is offered[1]
    stated = _cands("a", ["The port renewed the ferry permit in May.", "One hopes the renewal lasts."], [0.9, 0.85])
    assert settling(q, w, stated[0], stated) is stated[0]  # a statement already settles it
    wished = "did the port want the ferry permit renewed?"  # a question asking the wish is answered by it
    assert settling(wished, w, hoped[0], hoped) is hoped[0]


def test_a_sentence_stating_the_opposite_change_answers_no():
    # "narrowed" shares no word of "did it widen…?", yet says the opposite happened; topic-only sentences say neither
    from rag.settles import opposite_told
    q = "did the new ferry permit widen the routes?"
    cands = _cands("a", ["The new ferry permit marks a shift for the harbour.",
                         "The ferry permit has a long history.",
                         "The permit narrowed the routes to two crossings."], [0.9, 0.85, 0.7])
    assert opposite_told(q, cands[0], cands) is cands[2]
    chosen, _, lead, _ = pick_yes_no(_q(q, intent="yes_no"), cands)
    assert chosen[0] is cands[2] and lead == "No — "
    far = _cands("a", ["The new ferry permit marks a shift.", "The permit narrowed the routes."], [0.9, 0.5])
    assert opposite_told(q, far[0], far) is far[0]  # too far down to be heard


def test_a_sentence_naming_the_asked_change_stays_the_evidence():
    from rag.settles import opposite_told
    q = "did the new ferry permit widen the routes?"
    cands = _cands("a", ["The permit widened the routes to four crossings.", "Later rules narrowed the routes."], [0.9, 0.85])
    assert opposite_told(q, cands[0], cands) is cands[0]


def test_a_topic_only_sentence_of_another_article_is_no_other_view_of_an_opposite():
    # the other article's sentence says nothing of widening or narrowing: the articles do not differ on it
    q = "did the new ferry permit widen the routes?"
    cands = _cands("a", ["The new ferry permit narrowed the routes to two crossings."], [0.9]) + \
        _cands("b", ["The new ferry permit marks a shift for the harbour routes."], [0.89])
    chosen, _, lead, _ = pick_yes_no(_q(q, intent="yes_no"), cands)
    assert lead == "No — " and len(chosen) == 1


def test_an_opposite_word_reads_as_a_denial_and_a_past_state_word_as_a_negation():
    from rag.polarity import verdict
    assert verdict("did the permit widen the routes?", "The permit narrowed the routes.") == "no"
    assert verdict("did the permit narrow the routes?", "The permit narrowed the routes.") == "yes"
    assert verdict("did fares rise in May?", "Fares did not decline in May.") == "yes"  # two denials affirm
    # "not obsolete" denies that the permit is dead, though it shares no word with the question
    assert verdict("does the piece say the ferry permit is dead?", "The ferry permit is not obsolete.") == "no"
    assert verdict("is the ferry permit obsolete?", "The ferry permit is obsolete now.") == "yes"


def test_a_no_telling_that_a_term_ran_out_is_completed_by_what_came_of_it():
    # "its term expired" answers "did it die when it ran out?" only half; the next sentence tells it lived on
    from rag.yesno import what_followed
    q = "did the ferry permit just die when it ran out?"
    cands = _cands("a", ["The ferry permit's term expired in May.",
                         "The permit received two three-month extensions."], [0.9, 0.4])
    assert what_followed(cands[0], cands) is cands[1]
    chosen, _, lead, _ = pick_yes_no(_q(q, intent="yes_no"), cands)
    assert lead == "No — " and chosen == [cands[0], cands[1]]
    guessed = _cands("a", ["The ferry permit's term expired in May.", "It may receive another extension."], [0.9, 0.4])
    assert what_followed(guessed[0], guessed) is None  # what may be is no outcome
    plain = _cands("a", ["The ferry permit runs to May.", "The permit received two extensions."], [0.9, 0.4])
    assert what_followed(plain[0], plain) is None  # no term ran out


def test_a_when_clause_dates_the_claim_and_its_ending_word_is_not_asked():
    # "did they renew it on time when it expired?" asks about the renewal; "expired" only dates it
    from rag.polarity import verdict
    assert verdict("did they renew the ferry permit on time when it expired?", "The permit expired in May.") == "no"
    assert verdict("did the ferry permit expire in May?", "The permit expired in May.") == "yes"


def test_a_sentence_telling_the_act_reached_back_answers_whether_it_was_backdated():
    # "renewed every five years" holds more of the question's words; "retroactively" answers "backdated"
    from rag.settles import reach_back_told
    q = "was the new ferry permit backdated?"
    cands = _cands("a", ["The ferry permit has been renewed every five years.",
                         "The harbour is busy in summer.",
                         "In May the port renewed the permit, retroactively effective from March."], [0.9, 0.85, 0.7])
    assert reach_back_told(q, cands[0], cands) is cands[2]
    chosen, _, lead, _ = pick_yes_no(_q(q, intent="yes_no"), cands)
    assert chosen[0] is cands[2] and lead == "Yes — "
    assert reach_back_told("was the ferry permit renewed?", cands[0], cands) is cands[0]  # not asked
    far = _cands("a", ["The permit has been renewed every five years.", "It was renewed retroactively."], [0.9, 0.5])
    assert reach_back_told(q, far[0], far) is far[0]  # too far down to be heard


def test_the_evidence_holds_the_thing_asked_anything_on():
    # "disputes" is what "did the 2031 update add anything on settling disputes?" asks about; the year and the act
    # alone say nothing of it
    from rag.settles import asked_topic, topic_held
    q = "did the 2031 update add anything on settling disputes?"
    w = {"2031": 2.0, "updat": 2.0, "add": 2.0, "disput": 3.0}
    assert asked_topic(q, w) == ["disput"]
    cands = _cands("a", ["In 2031 the port updated its ferry lease.",
                         "Its revision also sets rules for dispute resolution.",
                         "Barge fees rose in 2031."], [0.9, 0.8, 0.3])
    assert topic_held(q, w, cands[0], cands) is cands[1]
    chosen, _, lead, _ = pick_yes_no(_q(q, intent="yes_no"), cands, w)
    assert lead == "Yes — " and chosen[0] is cands[1]
    assert topic_held("did the 2031 update add new fees?", w, cands[0], cands) is cands[0]  # no "anything on"
    far = _cands("a", ["In 2031 the port updated its ferry lease.", "Dispute resolution is slow."], [0.9, 0.5])
    assert topic_held(q, w, far[0], far) is far[0]  # not near enough to be heard


def test_of_sentences_holding_the_topic_the_one_about_the_subject_is_first():
    from rag.settles import topic_held
    q = "did the 2031 update add anything about smuggling?"
    w = {"2031": 2.0, "updat": 2.0, "add": 2.0, "smuggl": 3.0}
    cands = _cands("a", ["In 2031 the port updated its ferry lease.",
                         "Customs officers fear smuggling at night.",
                         "These updates reflect worries about smuggling."], [0.9, 0.85, 0.84])
    assert topic_held(q, w, cands[0], cands) is cands[2]
