-- a provider's callback carries its id of what it sent, not the tenant: find the tenant by it alone
CREATE INDEX delivery_provider_id ON delivery (provider_message_id) WHERE provider_message_id IS NOT NULL;
