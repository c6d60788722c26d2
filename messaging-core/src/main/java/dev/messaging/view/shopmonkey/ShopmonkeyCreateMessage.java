package dev.messaging.view.shopmonkey;

import dev.messaging.error.FieldError;
import dev.messaging.error.ValidationException;
import dev.messaging.message.MessageFile;
import dev.messaging.message.NewMessage;
import dev.messaging.message.OrderShareType;
import dev.messaging.message.SuggestedReplyState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The body of Shopmonkey {@code POST /v3/message}. {@code files} are file ids: the service resolves
 * them to files ({@code resolver}; an id it does not know is a validation error on {@code files[i]}).
 */
public record ShopmonkeyCreateMessage(
        Boolean sendEmail,
        String emailSubject,
        Boolean sendSms,
        Boolean isOrderShare,
        String orderShareType,
        String orderId,
        String vehicleId,
        String suggestedReplyState,
        String emailId,
        String phoneNumberId,
        String text,
        String customerId,
        List<String> files) {

    /** The domain request; every problem of the body is listed in one validation error. */
    public NewMessage toDomain(Function<String, Optional<MessageFile>> resolver) {
        List<FieldError> errors = new ArrayList<>();
        OrderShareType shareType = parse(errors, () -> dev.messaging.view.Iso.wire(OrderShareType.class,
                "orderShareType", orderShareType));
        SuggestedReplyState replyState = parse(errors, () -> dev.messaging.view.Iso.wire(SuggestedReplyState.class,
                "suggestedReplyState", suggestedReplyState));
        List<MessageFile> resolved = new ArrayList<>();
        if (files != null) {
            for (int i = 0; i < files.size(); i++) {
                Optional<MessageFile> file = files.get(i) == null ? Optional.empty() : resolver.apply(files.get(i));
                if (file.isPresent()) {
                    resolved.add(file.get());
                } else {
                    errors.add(new FieldError("files[" + i + "]", "unknown file id '" + files.get(i) + "'"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return NewMessage.to(customerId, text).sendEmail(sendEmail).emailSubject(emailSubject).sendSms(sendSms)
                .isOrderShare(Boolean.TRUE.equals(isOrderShare)).orderShareType(shareType).orderId(orderId)
                .vehicleId(vehicleId).suggestedReplyState(replyState).emailId(emailId).phoneNumberId(phoneNumberId)
                .files(resolved).build();
    }

    private static <T> T parse(List<FieldError> errors, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (ValidationException e) {
            errors.addAll(e.errors());
            return null;
        }
    }
}
