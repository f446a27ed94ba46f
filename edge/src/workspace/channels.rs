//! Open channels and their settings (Q14): texts, working hours, automatic close. Saved as one
//! JSON document per channel; the Conversation DOs read them when a session opens.

use super::Workspace;
use crate::error::{ApiError, ApiResult};
use crate::http::json;
use openline_core::channel::ChannelSettings;
use openline_core::protocol::{ChannelsReply, NewChannel};
use openline_core::ChannelId;
use openline_core::ErrorCode;
use serde::Deserialize;
use worker::Response;

#[derive(Deserialize)]
struct Row {
    id: String,
    name: String,
    greeting: String,
    settings: Option<String>,
}

impl Row {
    /// Channels saved before settings existed read as the defaults.
    fn settings(self) -> ApiResult<Option<ChannelSettings>> {
        let Some(id) = ChannelId::parse(&self.id) else { return Ok(None) };
        Ok(Some(match self.settings {
            Some(json) => serde_json::from_str(&json)?,
            None => ChannelSettings::new(id, self.name, self.greeting),
        }))
    }
}

impl Workspace {
    fn channel_rows(&self, id: Option<&ChannelId>) -> ApiResult<Vec<Row>> {
        const COLUMNS: &str = "SELECT id, name, greeting, settings FROM channels";
        let cursor = match id {
            Some(id) => {
                self.sql.exec(&format!("{COLUMNS} WHERE id = ?"), vec![id.as_str().into()])?
            }
            None => self.sql.exec(&format!("{COLUMNS} ORDER BY name"), None)?,
        };
        Ok(cursor.to_array()?)
    }

    pub(super) fn settings_of(&self, id: &ChannelId) -> ApiResult<ChannelSettings> {
        let row = self.channel_rows(Some(id))?.into_iter().next();
        row.map(Row::settings).transpose()?.flatten().ok_or(ApiError::NotFound("channel"))
    }

    pub(super) fn channels(&self) -> ApiResult<Response> {
        let mut channels = Vec::new();
        for row in self.channel_rows(None)? {
            channels.extend(row.settings()?);
        }
        json(&ChannelsReply { channels })
    }

    /// A new open channel with default settings (A1); an id in use is a conflict.
    pub(super) fn create_channel(&self, channel: NewChannel) -> ApiResult<Response> {
        let settings =
            ChannelSettings::new(channel.id, channel.name.trim().to_owned(), String::new());
        settings
            .validate()
            .map_err(|message| ApiError::bad_request(ErrorCode::InvalidSettings, message))?;
        let cursor = self.sql.exec(
            "INSERT INTO channels (id, name, greeting, settings) VALUES (?, ?, '', ?) ON CONFLICT(id) DO NOTHING",
            vec![settings.id.as_str().into(), settings.name.clone().into(), serde_json::to_string(&settings)?.into()],
        )?;
        if cursor.rows_written() == 0 {
            return Err(ApiError::Conflict(
                ErrorCode::ChannelExists,
                "An open channel with this id exists.",
            ));
        }
        json(&settings)
    }

    /// Saves an admin's edit (the Worker checked the role). Takes effect for every session
    /// that opens from now on, for every customer call from now on (`customer::admitted`),
    /// for the sockets it refuses at once, and for automatic close from the next message or
    /// alarm.
    pub(super) fn save_settings(&self, settings: ChannelSettings) -> ApiResult<Response> {
        settings
            .validate()
            .map_err(|message| ApiError::bad_request(ErrorCode::InvalidSettings, message))?;
        let before = self.settings_of(&settings.id)?;
        let cursor = self.sql.exec(
            "UPDATE channels SET name = ?, greeting = ?, settings = ? WHERE id = ?",
            vec![
                settings.name.trim().into(),
                settings.greeting.clone().into(),
                serde_json::to_string(&settings)?.into(),
                settings.id.as_str().into(),
            ],
        )?;
        if cursor.rows_written() == 0 {
            return Err(ApiError::NotFound("channel"));
        }
        self.close_sockets_refused_now(&before, &settings)?;
        json(&settings)
    }

    /// For inbox rows: the channel's name, or its id if it has gone.
    pub(super) fn channel_name(&self, id: &ChannelId) -> ApiResult<String> {
        Ok(self.settings_of(id).map_or_else(|_| id.to_string(), |s| s.name))
    }
}
