//! Who takes part: a customer per dialog, and demo agents who answer it (the first answers and
//! invites the others, so each may write to the customer), each speaking the wire protocol as
//! its app does.

use super::Config;
use crate::api::{demo_agents, Agent, Customer, Socket};
use crate::demo;
use crate::edge::Edge;
use anyhow::{Context, Result};
use openline_core::protocol::{CommandReply, EventsFrame};
use openline_core::{Command, CommandId, DialogId, Viewer};
use std::sync::Arc;

/// Everyone in the run, dialog by dialog.
pub struct Cast {
    pub dialogs: Vec<Dialog>,
}

/// One customer's dialog and who is in it.
pub struct Dialog {
    pub customer: Arc<Participant>,
    pub agents: Vec<Arc<Participant>>,
}

/// A customer, or an agent in one dialog: what they send, read and hold a socket on.
pub struct Participant {
    /// "customer 2", "Luis Romero in dialog 2".
    pub name: String,
    /// The index of their dialog in `Cast::dialogs`.
    pub dialog: usize,
    side: Side,
}

enum Side {
    Customer(Box<Customer>),
    /// Agents are shared between dialogs: one login each, as one app would be.
    Agent(Arc<Agent>, DialogId),
}

impl Cast {
    /// Opens `config.customers` chats; in each, the customer says hello and
    /// `config.agents_per_dialog` demo agents join (taking turns as the first).
    pub async fn gather(edge: &Edge, config: &Config) -> Result<Cast> {
        let (ana, luis, marta) = demo_agents(edge).await?;
        let team = [Arc::new(ana), Arc::new(luis), Arc::new(marta)];
        let mut dialogs = Vec::new();
        for index in 0..config.customers {
            let customer = Customer::open(edge, demo::CHANNEL_KEY).await?;
            customer.say(&format!("Hello, this is customer {index}")).await?;
            let id = customer.session.dialog_id.clone();
            let agents: Vec<Arc<Agent>> = (0..config.agents_per_dialog)
                .map(|k| team[(index + k) % team.len()].clone())
                .collect();
            join(&agents, &id).await.with_context(|| format!("agents joining dialog {index}"))?;
            let customer = Participant {
                name: format!("customer {index}"),
                dialog: index,
                side: Side::Customer(Box::new(customer)),
            };
            let agents = agents
                .into_iter()
                .map(|agent| {
                    let name = format!("{} in dialog {index}", agent.login.agent.name);
                    let side = Side::Agent(agent, id.clone());
                    Arc::new(Participant { name, dialog: index, side })
                })
                .collect();
            dialogs.push(Dialog { customer: Arc::new(customer), agents });
        }
        Ok(Cast { dialogs })
    }

    /// Everyone, customers and agents, dialog by dialog.
    pub fn participants(&self) -> impl Iterator<Item = &Arc<Participant>> {
        self.dialogs.iter().flat_map(|d| std::iter::once(&d.customer).chain(&d.agents))
    }
}

/// The first agent answers; the others are invited, so each may write to the customer.
async fn join(agents: &[Arc<Agent>], dialog: &DialogId) -> Result<()> {
    let Some((first, others)) = agents.split_first() else { return Ok(()) };
    first.command(dialog, Command::Answer).await?;
    for colleague in others {
        let invite = Command::Invite { agent: colleague.login.agent.id.clone() };
        first.command(dialog, invite).await?;
    }
    Ok(())
}

impl Participant {
    pub fn viewer(&self) -> Viewer {
        match self.side {
            Side::Customer(_) => Viewer::Customer,
            Side::Agent(..) => Viewer::Agent,
        }
    }

    /// Sends `command` under `id`, once.
    pub async fn send(&self, id: CommandId, command: Command) -> Result<CommandReply> {
        match &self.side {
            Side::Customer(customer) => customer.command(id, command).await,
            Side::Agent(agent, dialog) => agent.command_with_id(dialog, id, command).await,
        }
    }

    /// The dialog's socket, resuming after `after` (`None`: from the start).
    pub async fn socket(&self, after: Option<u64>) -> Result<Socket> {
        match &self.side {
            Side::Customer(customer) => customer.socket(after).await,
            Side::Agent(agent, dialog) => agent.socket(dialog, after).await,
        }
    }

    /// A page of the dialog's history over HTTP, as this participant may read it.
    pub async fn history(&self, after: Option<u64>) -> Result<EventsFrame> {
        match &self.side {
            Side::Customer(customer) => customer.events(after).await,
            Side::Agent(agent, dialog) => agent.events(dialog, after).await,
        }
    }
}
