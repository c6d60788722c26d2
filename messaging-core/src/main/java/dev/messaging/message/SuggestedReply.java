package dev.messaging.message;

/** A reply the shop's assistant suggested ({@code text}), and how much of it the user took. */
public record SuggestedReply(String text, SuggestedReplyState state) {
    public static final SuggestedReply NONE = new SuggestedReply(null, SuggestedReplyState.NONE);

    public SuggestedReply {
        state = state == null ? SuggestedReplyState.NONE : state;
    }
}
