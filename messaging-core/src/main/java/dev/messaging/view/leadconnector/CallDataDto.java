package dev.messaging.view.leadconnector;

import dev.messaging.message.Call;
import dev.messaging.message.CallStatus;
import dev.messaging.view.Iso;

/**
 * LeadConnector CallDataDTO: a call's numbers and status ({@code pending}, {@code completed},
 * {@code answered}, {@code busy}, {@code no-answer}, {@code failed}, {@code canceled},
 * {@code voicemail}).
 */
public record CallDataDto(String to, String from, String status) {

    /**
     * The domain call (no duration: upstream sends it apart); an unknown status is a validation
     * error on {@code call.status}.
     */
    public Call toCall() {
        return new Call(Iso.wire(CallStatus.class, "call.status", status), null, from, to);
    }

    /** The call data of {@code call}; null when there is no call. */
    public static CallDataDto from(Call call) {
        return call.exists() ? new CallDataDto(call.to(), call.from(), Iso.wire(call.status())) : null;
    }
}
