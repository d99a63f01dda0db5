// `participantId` is required: `new` cannot be called without it.
use wix_apis::inbox::GetOrCreateConversationRequest;

fn main() {
    let _request = GetOrCreateConversationRequest::new();
}
