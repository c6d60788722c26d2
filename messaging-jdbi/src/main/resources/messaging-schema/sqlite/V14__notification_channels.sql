-- Notification settings per channel: the channels a user is notified on besides the reference's
-- three flags (send_email, send_in_app, send_sms), as comma-separated channel names; null for none.
ALTER TABLE notification_config ADD COLUMN other_channels TEXT;
