// Request types are `#[non_exhaustive]`: they are built with `new`, so that
// adding an optional field to the API never breaks callers.
use wix_apis::inbox::{GetOrCreateConversationRequest, ParticipantId, ParticipantIdKind};

fn main() {
    let _request = GetOrCreateConversationRequest {
        participant_id: Some(ParticipantId::new(ParticipantIdKind::MemberId("m".to_owned()))),
    };
}
