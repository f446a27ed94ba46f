//! How a channel's conversations are offered (Q13): the distribution modes, the time to answer
//! and the channel's agents.

use crate::i18n::Lang;

/// How conversations are offered (Q13).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RoutingText {
    Title,
    AllAtOnce,
    AllAtOnceHint,
    RoundRobin,
    RoundRobinHint,
    InOrder,
    InOrderHint,
    OfferTimeout,
    OfferTimeoutHint,
    Agents,
    AgentsHint,
}

impl Lang {
    pub fn routing(self, text: RoutingText) -> &'static str {
        use RoutingText::*;
        match (self, text) {
            (Lang::En, Title) => "How new conversations are offered",
            (Lang::Es, Title) => "Cómo se ofrecen las conversaciones nuevas",
            (Lang::En, AllAtOnce) => "All at once",
            (Lang::Es, AllAtOnce) => "A todos a la vez",
            (Lang::En, AllAtOnceHint) => "Every available agent sees it; the first to answer takes it.",
            (Lang::Es, AllAtOnceHint) => "Todos los agentes disponibles la ven; la toma el primero que responde.",
            (Lang::En, RoundRobin) => "Round robin",
            (Lang::Es, RoundRobin) => "Por turnos",
            (Lang::En, RoundRobinHint) => "One agent at a time, taking turns after the last agent served.",
            (Lang::Es, RoundRobinHint) => "Un agente cada vez, por turnos a partir del último atendido.",
            (Lang::En, InOrder) => "Strictly in order",
            (Lang::Es, InOrder) => "Estrictamente en orden",
            (Lang::En, InOrderHint) => "One agent at a time, always from the top of the agents' list below.",
            (Lang::Es, InOrderHint) => "Un agente cada vez, siempre desde el principio de la lista de agentes de abajo.",
            (Lang::En, OfferTimeout) => "Time to answer (seconds)",
            (Lang::Es, OfferTimeout) => "Tiempo para responder (segundos)",
            (Lang::En, OfferTimeoutHint) => "One agent at a time: then the next agent is offered the conversation.",
            (Lang::Es, OfferTimeoutHint) => "Un agente cada vez: después se ofrece la conversación al siguiente.",
            (Lang::En, Agents) => "Agents of this channel",
            (Lang::Es, Agents) => "Agentes de este canal",
            (Lang::En, AgentsHint) => "Checked agents are offered its conversations in this order. None checked: every agent.",
            (Lang::Es, AgentsHint) => "A los agentes marcados se les ofrecen sus conversaciones en este orden. Ninguno marcado: todos los agentes.",
        }
    }

    /// The queue's reorder buttons, for screen readers: "Move Luis Romero up".
    pub fn move_agent(self, name: &str, up: bool) -> String {
        match (self, up) {
            (Lang::En, true) => format!("Move {name} up"),
            (Lang::En, false) => format!("Move {name} down"),
            (Lang::Es, true) => format!("Subir a {name}"),
            (Lang::Es, false) => format!("Bajar a {name}"),
        }
    }
}
