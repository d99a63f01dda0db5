// `participantId` is a `ParticipantId` (one of three IDs), not a plain string.
use wix_apis::inbox::GetOrCreateConversationRequest;

fn main() {
    let _request = GetOrCreateConversationRequest::new("40096143-3643-4cc1-8329-30a7fc2c595e");
}
