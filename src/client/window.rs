//! What a window's console asks of the backend: the hall's queues, an
//! action at the window (behind its token), and the hall's event stream.

use std::time::Duration;

use reqwest::StatusCode;

use super::{ApiClient, classify, decode};
use crate::domain::queue::wire::{ActionDone, WindowActionRequest};
use crate::domain::{ApiError, FetchError};
use crate::window::ActFailure;

/// An event stream is read for hours: the client's short timeout is for
/// answers, not for this. A silent stream is noticed by the reader instead.
const STREAM_LIFETIME: Duration = Duration::from_secs(24 * 60 * 60);

/// The most one SSE line may hold; the server's are a few hundred bytes.
const MAX_LINE: usize = 16 * 1024;

impl ApiClient {
    /// The backend's halls (their names in every language).
    pub async fn halls(&self) -> Result<Vec<crate::domain::Hall>, FetchError> {
        self.get(self.http.get(format!("{}/api/v1/halls", self.base))).await
    }

    /// Does `req` at `window`: what it did, or why not.
    pub async fn window_action(
        &self,
        hall: &str,
        window: u16,
        req: &WindowActionRequest,
    ) -> Result<ActionDone, ActFailure> {
        let url = format!("{}/api/v1/halls/{hall}/windows/{window}/actions", self.base);
        let resp = self.http.post(url).json(req).send().await.map_err(|e| ActFailure::Fetch(classify(e)))?;
        let status = resp.status();
        let body = resp.bytes().await.map_err(|e| ActFailure::Fetch(classify(e)))?;
        if status.is_success() {
            return decode(&body).map_err(ActFailure::Fetch);
        }
        Err(failure(status, &body))
    }

    /// Shows the server this console's token without doing anything: the
    /// token is checked before the body is read, so a body that is no
    /// action gets 422 from a window the token may act for, and 401 or 403
    /// otherwise.
    pub async fn check_window_token(&self, hall: &str, window: u16) -> Result<(), ActFailure> {
        let url = format!("{}/api/v1/halls/{hall}/windows/{window}/actions", self.base);
        let resp = self
            .http
            .post(url)
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .body("{}")
            .send()
            .await
            .map_err(|e| ActFailure::Fetch(classify(e)))?;
        let status = resp.status();
        match status {
            StatusCode::UNPROCESSABLE_ENTITY | StatusCode::BAD_REQUEST => Ok(()),
            _ => Err(failure(status, &resp.bytes().await.unwrap_or_default())),
        }
    }

    /// Opens the hall's event stream: each event's name, in order, until
    /// the stream ends (`None`), fails, or is silent for `silence` (the
    /// server keeps it alive every 15 s, so silence means it is gone).
    pub async fn hall_events(&self, hall: &str, silence: Duration) -> Result<EventStream, FetchError> {
        let url = format!("{}/api/v1/halls/{hall}/events", self.base);
        let resp = self
            .http
            .get(url)
            .header(reqwest::header::ACCEPT, "text/event-stream")
            .timeout(STREAM_LIFETIME)
            .send()
            .await
            .map_err(classify)?;
        if !resp.status().is_success() {
            tracing::warn!(status = %resp.status(), "event stream refused");
            return Err(FetchError::Server);
        }
        Ok(EventStream { resp, silence, lines: SseLines::default() })
    }
}

fn failure(status: StatusCode, body: &[u8]) -> ActFailure {
    let code = decode::<ApiError>(body).map(|e| (e.code, e.field)).ok();
    match status {
        StatusCode::UNAUTHORIZED => ActFailure::Unregistered,
        StatusCode::FORBIDDEN => ActFailure::WrongToken,
        StatusCode::NOT_FOUND => ActFailure::NoSuchWindow,
        StatusCode::CONFLICT => match code {
            Some((code, _)) => ActFailure::Refused(code),
            None => ActFailure::Fetch(FetchError::BadData),
        },
        StatusCode::UNPROCESSABLE_ENTITY => ActFailure::Invalid(code.and_then(|c| c.1).unwrap_or_default()),
        s => {
            tracing::warn!(status = %s, "window action refused");
            ActFailure::Fetch(FetchError::Server)
        }
    }
}

/// The hall's events as they arrive.
pub struct EventStream {
    resp: reqwest::Response,
    silence: Duration,
    lines: SseLines,
}

impl EventStream {
    /// The next event's name; `None` when the stream is over (ended,
    /// failed, silent too long, or sending lines past any sense).
    pub async fn next(&mut self) -> Option<String> {
        loop {
            if let Some(name) = self.lines.event() {
                return Some(name);
            }
            let chunk = tokio::time::timeout(self.silence, self.resp.chunk()).await;
            match chunk {
                Ok(Ok(Some(bytes))) => {
                    if !self.lines.push(&bytes) {
                        return None;
                    }
                }
                Ok(Ok(None)) | Ok(Err(_)) | Err(_) => return None,
            }
        }
    }
}

/// Server-Sent Events, read as lines: `event:` names the event, a blank
/// line ends it, and (as the standard says) only one with `data:` counts;
/// the data itself, comments (the `:` keep-alives) and ids are not needed
/// here, since every event means "read the queues again".
#[derive(Default)]
pub struct SseLines {
    buffer: Vec<u8>,
    name: Option<String>,
    data: bool,
    events: std::collections::VecDeque<String>,
}

impl SseLines {
    /// Takes bytes as they came; false when a line grows past any sense.
    pub fn push(&mut self, bytes: &[u8]) -> bool {
        self.buffer.extend_from_slice(bytes);
        while let Some(end) = self.buffer.iter().position(|&b| b == b'\n') {
            let line: Vec<u8> = self.buffer.drain(..=end).collect();
            let line = String::from_utf8_lossy(&line);
            let line = line.trim_end_matches(['\n', '\r']);
            if line.is_empty() {
                // An event without a name is a `message`, as the standard says.
                let name = self.name.take().unwrap_or_else(|| "message".into());
                if std::mem::take(&mut self.data) {
                    self.events.push_back(name);
                }
            } else if let Some(name) = line.strip_prefix("event:") {
                self.name = Some(crate::domain::sanitize(name.trim_start()));
            } else if line == "data" || line.starts_with("data:") {
                self.data = true;
            }
        }
        self.buffer.len() <= MAX_LINE
    }

    /// The next whole event's name.
    pub fn event(&mut self) -> Option<String> {
        self.events.pop_front()
    }
}

#[cfg(test)]
mod tests {
    use super::SseLines;

    #[test]
    fn events_are_named_and_split_across_chunks_and_comments() {
        let mut lines = SseLines::default();
        assert!(lines.push(b"event: ready\ndata: {\"hall\":\"binjiang\"}\n\n:\n\nevent: cal"));
        assert_eq!(lines.event().as_deref(), Some("ready"));
        // A keep-alive comment and its blank line are no event.
        assert_eq!(lines.event(), None);
        assert!(lines.push(b"led\r\ndata: {}\r\n\r\n"));
        assert_eq!(lines.event().as_deref(), Some("called"));
        assert!(lines.push(b"data: {}\n\n"));
        assert_eq!(lines.event().as_deref(), Some("message"));
    }

    #[test]
    fn a_line_without_end_is_refused() {
        let mut lines = SseLines::default();
        assert!(!lines.push(&vec![b'x'; 20 * 1024]));
    }
}
