//! What the dialog header offers each agent (`agent_actions`), as data: a script, then the
//! actions offered to Ana (an admin), Luis and Eva (agents).

use super::*;

fn offered(state: &DialogState, who: &str) -> String {
    let me = AgentRef { id: agent_id(who), name: who.to_owned() };
    let role = if who == "ana" { Role::Admin } else { Role::Agent };
    let names: Vec<String> =
        agent_actions(state, &me, role).iter().map(|a| format!("{a:?}")).collect();
    if names.is_empty() {
        "-".to_owned()
    } else {
        names.join(" ")
    }
}

fn check_offers(script: &str, expected: [&str; 3]) {
    let (state, _, _) = if script.is_empty() { Default::default() } else { run(script) };
    let actual = ["ana", "luis", "eva"].map(|who| offered(&state, who));
    assert_eq!(actual, expected, "script: {script}");
}

#[test]
fn q3_q5_q4_q6_a_waiting_session_is_answered_closed_routed_or_marked_by_anyone() {
    let waiting = "Answer AcceptAndClose Transfer MarkSpam Block";
    check_offers("visitor: say hola", [waiting; 3]);
}

#[test]
fn q10_q4_q11_q9_the_owner_finishes_transfers_locks_and_invites() {
    check_offers(
        "visitor: say hola | luis: answer",
        ["Take", "Finish Transfer Pin Invite MarkSpam Block", "Take"],
    );
    check_offers(
        "visitor: say hola | luis: answer | luis: pin",
        ["-", "Finish Transfer Unpin Invite MarkSpam Block", "-"],
    );
}

#[test]
fn q7_q9_an_invited_colleague_may_take_over_and_invite() {
    check_offers(
        "visitor: say hola | luis: answer | luis: invite eva",
        ["Take", "Finish Transfer Pin Invite MarkSpam Block", "Take Invite"],
    );
}

#[test]
fn q6_a_closed_dialog_may_be_blocked_and_a_blocked_one_unblocked_by_moderators() {
    check_offers("", ["-", "-", "-"]);
    check_offers("visitor: say hola | luis: finish", ["Block", "Block", "Block"]);
    check_offers("visitor: say hola | luis: block", ["Unblock", "-", "-"]);
}

#[test]
fn q11_the_header_names_who_locked_a_session_one_cannot_take() {
    let (state, _, _) = run("visitor: say hola | luis: answer | luis: pin");
    assert_eq!(locked_by(&state, &agent_id("eva")), Some("luis"));
    assert_eq!(locked_by(&state, &agent_id("luis")), None);
    let (state, _, _) = run("visitor: say hola | luis: answer");
    assert_eq!(locked_by(&state, &agent_id("eva")), None);
}

/// Whatever the state, every action offered is one `decide` accepts and that changes something.
#[test]
fn q3_every_offered_action_is_accepted_by_decide() {
    let scripts = [
        "visitor: say hola",
        "visitor: say hola | luis: answer",
        "visitor: say hola | luis: answer | luis: pin",
        "visitor: say hola | luis: answer | luis: invite eva",
        "visitor: say hola | luis: finish",
        "visitor: say hola | luis: block",
        "visitor: say hola | ana: answer | ana: finish | visitor: say again",
    ];
    for script in scripts {
        let (state, _, _) = run(script);
        for who in ["ana", "luis", "eva"] {
            let me = AgentRef { id: agent_id(who), name: who.to_owned() };
            let role = if who == "ana" { Role::Admin } else { Role::Agent };
            for action in agent_actions(&state, &me, role) {
                let command = action.command(&agent_id("luis"));
                let colleagues = directory();
                let ctx = Context { directory: &colleagues, role, ..Context::at(1) };
                let changes = decide(&state, &actor(who), &command, ctx);
                // Transfer or invite of Luis himself is nothing; any other colleague works.
                let named_self = matches!(action, AgentAction::Transfer | AgentAction::Invite)
                    && (state.is_member(&agent_id("luis")));
                assert!(
                    changes.as_ref().is_ok_and(|e| named_self || !e.is_empty()),
                    "{who} offered {action:?} after `{script}` but decide says {changes:?}"
                );
            }
        }
    }
}
