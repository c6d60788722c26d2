#!/usr/bin/env python3
"""Writes the upstream examples the views are checked against (messaging-core/src/test/resources/upstream).

LeadConnector: for each schema of apps/conversations.json, apps/v3/conversations-v3.json,
common/common-schemas.json and apps/v3/common/common-schemas.json (GoHighLevel/highlevel-api-docs)
that has a view, the schema's published example: every property's `example` (the first of
`examples` when that is what it has), nested schemas ($ref, allOf) built the same way, an array of
schemas as one element. Properties without an example are left out. Beside each, in the folder's
`-full` twin, an instance with every property set: the example where there is one, else a value of
the property's type (an enum's last word, a date-time, "<name>-value", 2, 3, true, an object).

LeadConnector webhooks: each ```json example block of docs/webhook events/<Event>.md for the
message-level events (InboundMessage, OutboundMessage, ConversationUnreadWebhook,
ProviderOutboundMessage, LCEmailStats), as <Event>-<n>.json; a block that is not JSON is reported
and skipped.

Shopmonkey: a Conversation, a Message and a ChangeEvent with every json tag of v3/Conversation.go,
v3/Message.go and datatypes/dbchange.go (shopmonkeyus/go-datamodel), each with a value of its Go type (meta as datatypes.Meta; metadata,
a datatypes.JSON, as a nested object with numbers, a list and a boolean; dates RFC 3339).

Usage: scripts/upstream_examples.py HIGHLEVEL_REPO GO_DATAMODEL_REPO   (git checkouts or bare repos)
"""
import json
import subprocess
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "messaging-core/src/test/resources/upstream"
VIEWS = ["ConversationCreateResponseDto", "ConversationDto", "ConversationSchema", "CreateConversationDto",
         "CreateConversationSuccessResponse", "DeleteConversationSuccessfulResponse", "GetConversationByIdResponse",
         "GetConversationSuccessfulResponse", "GetEmailMessageResponseDto", "SendConversationResponseDto",
         "StartAfterArrayNumberSchema", "StartAfterNumberSchema", "UpdateConversationDto",
         "SendMessageBodyDto", "ForwardConfigDto", "SendMessageResponseDto", "ForwardResponseDto",
         "GetMessageResponseDto", "MessageMeta", "GetMessagesByConversationResponseDto", "ExportMessagesResponseDto",
         "UpdateMessageStatusDto", "ErrorDto", "CallDataDTO", "ProcessMessageBodyDto", "ProcessOutboundMessageBodyDto",
         "ProcessMessageResponseDto", "CancelScheduledResponseDto", "EmailEventsDto", "UpdateRecipientMessageStatusDto",
         "UpdateEmailMessageStatusDto", "UpdateEmailMessageStatusResponseDto", "CreateCustomSubtypeDto",
         "UpdateCustomSubtypeDto", "SubscriptionActionDto", "UserSubscriptionChangeDto"]
ERRORS = ["BadRequestDTO", "UnauthorizedDTO", "UnprocessableDTO", "ForbiddenDTO", "NotFoundDTO"]


def show(repo, path):
    return subprocess.check_output(["git", "--git-dir", git_dir(repo), "show", "HEAD:" + path], text=True)


def git_dir(repo):
    p = Path(repo)
    return str(p / ".git") if (p / ".git").exists() else str(p)


def head(repo):
    return subprocess.check_output(["git", "--git-dir", git_dir(repo), "rev-parse", "HEAD"], text=True).strip()


def example(schema, schemas):
    if "$ref" in schema:
        return example(schemas[schema["$ref"].split("/")[-1]], schemas)
    if "allOf" in schema and len(schema["allOf"]) == 1:
        return example(schema["allOf"][0], schemas)
    if "example" in schema:
        return schema["example"]
    if "examples" in schema and isinstance(schema["examples"], list):
        return schema["examples"][0]
    if schema.get("type") == "object" and "properties" in schema:
        built = {}
        for name, prop in schema["properties"].items():
            value = example(prop, schemas)
            if value is not MISSING:
                built[name] = value
        return built
    if schema.get("type") == "array" and "items" in schema and ("$ref" in schema["items"]):
        return [example(schema["items"], schemas)]
    return MISSING


MISSING = object()


def full(schema, schemas, name="value"):
    """An instance with every property set: the example where there is one, else a value of the type."""
    if "$ref" in schema:
        return full(schemas[schema["$ref"].split("/")[-1]], schemas, name)
    if "allOf" in schema and len(schema["allOf"]) == 1:
        return full(schema["allOf"][0], schemas, name)
    kind = schema.get("type")
    if kind == "object" and "properties" in schema:
        return {key: full(prop, schemas, key) for key, prop in schema["properties"].items()}
    if kind == "array":
        item = full(schema.get("items", {"type": "string"}), schemas, name)
        return [item] if isinstance(item, dict) else schema.get("example", [item, item])
    if "example" in schema:
        return schema["example"]
    if isinstance(schema.get("examples"), list):
        return schema["examples"][0]
    if "enum" in schema:
        return schema["enum"][-1]
    if schema.get("format") == "date-time":
        return "2024-03-27T18:13:49.000Z"
    return {"string": name + "-value", "number": 2, "integer": 3, "boolean": True,
            "object": {"key": name}}.get(kind, name + "-value")


def leadconnector(repo):
    written = []
    for folder, path, names in [("leadconnector-v2", "apps/conversations.json", VIEWS),
                                ("leadconnector-v3", "apps/v3/conversations-v3.json", VIEWS),
                                ("leadconnector-common", "common/common-schemas.json", ERRORS),
                                ("leadconnector-v3-common", "apps/v3/common/common-schemas.json", ERRORS)]:
        schemas = json.loads(show(repo, path))["components"]["schemas"]
        for name in names:
            if name not in schemas:
                continue
            target = OUT / folder / (name + ".json")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(json.dumps(example(schemas[name], schemas), indent=2) + "\n")
            written.append((folder, path, name))
            target = OUT / (folder + "-full") / (name + ".json")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(json.dumps(full(schemas[name], schemas), indent=2) + "\n")
            written.append((folder + "-full", path, name))
    return written


WEBHOOKS = ["InboundMessage", "OutboundMessage", "ConversationUnreadWebhook", "ProviderOutboundMessage", "LCEmailStats"]


def webhooks(repo):
    """Every ```json block of each webhook event's page that parses, as <Event>-<n>.json."""
    written = []
    for name in WEBHOOKS:
        path = f"docs/webhook events/{name}.md"
        blocks = show(repo, path).split("```json")[1:]
        n = 0
        for block in blocks:
            text = block.split("```")[0]
            if text.lstrip().startswith("json_schema"):
                continue
            try:
                value = json.loads(text)
            except json.JSONDecodeError as e:
                print(f"skipped a block of {path} that is not JSON: {e}")
                continue
            n += 1
            target = OUT / "leadconnector-webhooks" / f"{name}-{n}.json"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(json.dumps(value, indent=2) + "\n")
            written.append(("leadconnector-webhooks", "docs/webhook events/*.md", name))
    return written


def shopmonkey():
    meta = {"userId": "user_123", "sessionId": "session_456", "version": 7}
    metadata = {"source": "import", "retries": 2, "ratio": 0.5, "tags": ["vip", "fleet"],
                "nested": {"flag": True, "note": None}}
    conversation = {"id": "conv_1", "createdDate": "2023-02-27T20:47:20Z", "updatedDate": "2023-02-28T09:00:00Z",
                    "meta": meta, "metadata": metadata, "companyId": "company_1", "locationId": "location_1",
                    "UPGRADE_orderId": "order_1", "archived": False, "customerId": "customer_1", "deleted": True,
                    "deletedDate": "2023-03-01T10:00:00Z", "deletedReason": "duplicate", "deletedUserId": "user_9"}
    message = {"id": "msg_1", "createdDate": "2023-02-27T20:47:20Z", "updatedDate": "2023-02-27T21:00:00Z",
               "meta": meta, "metadata": metadata, "companyId": "company_1", "locationId": "location_1",
               "authorType": "User", "conversationId": "conv_1", "customerId": "customer_1", "deleted": False,
               "deletedDate": None, "deletedReason": None, "deletedUserId": None, "emailError": None,
               "emailStatus": "Sent", "internal": False, "origin": "Web", "sendEmail": True, "sendSms": False,
               "shopRead": None, "smsError": None, "smsStatus": None, "text": "Your car is ready",
               "userId": "user_123"}
    change_event = {"id": "42", "timestamp": 1677530840000, "mvccTimestamp": "1677530840000000", "table": "message",
                    "key": ["msg_1"], "locationId": "location_1", "companyId": "company_1", "userId": "user_123",
                    "sessionId": "session_456", "version": 7, "region": "us-west-2", "operation": "UPDATE",
                    "before": {"text": "Your car is almost ready"}, "after": {"text": "Your car is ready"},
                    "diff": ["text"]}
    (OUT / "shopmonkey").mkdir(parents=True, exist_ok=True)
    (OUT / "shopmonkey" / "ChangeEvent.json").write_text(json.dumps(change_event, indent=2) + "\n")
    (OUT / "shopmonkey" / "Conversation.json").write_text(json.dumps(conversation, indent=2) + "\n")
    (OUT / "shopmonkey" / "Message.json").write_text(json.dumps(message, indent=2) + "\n")


def main():
    highlevel, datamodel = sys.argv[1], sys.argv[2]
    written = leadconnector(highlevel) + webhooks(highlevel)
    shopmonkey()
    lines = ["# Upstream examples", "",
             "Written by `scripts/upstream_examples.py` (see its header for how each example is built); checked by",
             "`UpstreamExamplesTest`, one test per file.", "",
             "| folder | source | commit |", "|---|---|---|"]
    sources = {}
    for folder, path, _ in written:
        sources[folder] = path
    for folder, path in sources.items():
        lines.append(f"| `{folder}/` | GoHighLevel/highlevel-api-docs `{path}` | `{head(highlevel)}` |")
    lines.append(f"| `shopmonkey/` | shopmonkeyus/go-datamodel `v3/Conversation.go`, `v3/Message.go`, `datatypes/dbchange.go` (json tags) "
                 f"| `{head(datamodel)}` |")
    lines.append("")
    (OUT / "README.md").write_text("\n".join(lines))
    print(f"{len(written) + 3} examples written to {OUT}")


if __name__ == "__main__":
    main()
