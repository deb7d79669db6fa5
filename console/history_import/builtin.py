"""The profiles the product ships: the shape of the Pingshan 2018 event export, and
Open311 GeoReport v2 service requests. An admin's saved profile of the same name
replaces the shipped one (``profiles.load``)."""

from __future__ import annotations

from console.history_import.profile import CSV, OPEN311, Profile

# The 2018 export's source names of the channels (channels.json's ``aliases``) and its
# natures; an empty nature ("-" in the export) counts as "other".
PINGSHAN_CHANNELS = {"12345": "phone_12345", "@坪山": "wechat", "美丽深圳": "app",
                     "12319": "hotline_12319", "政府信箱": "mailbox", "固话投诉": "landline"}
PINGSHAN_NATURES = {"投诉": "complaint", "咨询": "consultation", "建议": "suggestion",
                    "求决": "request", "感谢": "thanks", "其他": "other", "": "other"}

PINGSHAN_2018 = Profile(
    name="坪山区事件导出（2018）", source="pingshan-2018", format=CSV,
    columns={
        "source_id": ("REC_ID",), "created_at": ("CREATE_TIME",),
        "channel": ("EVENT_SRC_NAME",), "nature": ("EVENT_PROPERTY_NAME",),
        "category": ("EVENT_TYPE_NAME", "MAIN_TYPE_NAME", "SUB_TYPE_NAME"),
        "street": ("STREET_NAME",), "community": ("COMMUNITY_NAME",),
        "unit": ("DISPOSE_UNIT_NAME",),
        # archived on time / archived overdue: the export's verdict is the truth
        "on_time": ("INTIME_ARCHIVE_NUM",), "late": ("OVERTIME_ARCHIVE_NUM",),
    },
    constants={"status": "closed"},  # every event of the export is archived
    required=frozenset({"street"}),
    empty=("", "-"), flag_true=("1",), time_format="%Y-%m-%d %H:%M:%S",
    timezone="Asia/Shanghai",
    mappings={"channel": PINGSHAN_CHANNELS, "nature": PINGSHAN_NATURES},
)

OPEN311_REQUESTS = Profile(
    name="Open311 GeoReport v2", source="open311", format=OPEN311,
    columns={
        "source_id": ("service_request_id",), "created_at": ("requested_datetime",),
        "status": ("status",), "category": ("service_code",),
        "text": ("description",), "address": ("address",),
        "lat": ("lat",), "lon": ("long",), "due_at": ("expected_datetime",),
        "unit": ("agency_responsible",),
        # for a closed request the spec's updated_datetime is when it was closed
        "resolved_at": ("updated_datetime",), "closed_at": ("updated_datetime",),
    },
    constants={"channel": "web", "nature": "request"},
    labels={"category": "service_name"},
    empty=("",), time_format="", timezone="Asia/Shanghai",
    mappings={"status": {"open": "accepted", "closed": "closed"}},
)

BUILTIN = {p.name: p for p in (PINGSHAN_2018, OPEN311_REQUESTS)}
