// A ONE-OF group holds one member: there is no way to pass a second.
use wix_apis::inbox::{GetOrCreateConversationRequest, ParticipantId, ParticipantIdKind};

fn main() {
    let participant = ParticipantId::new(
        ParticipantIdKind::MemberId("b17c523c-6ec9-4b56-9d9d-123cc6978bdf".to_owned()),
        ParticipantIdKind::ContactId("c5ef5c35-3b53-41c9-aeeb-214424e5f6e5".to_owned()),
    );
    let _request = GetOrCreateConversationRequest::new(participant);
}
