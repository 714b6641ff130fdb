"""Privacy's declarations: /mydata, /delete and the erasure button."""

from __future__ import annotations

from handlers.core.registry import Feature, command
from handlers.privacy import mydata
from handlers.privacy.actions import EraseMyData

FEATURE = Feature(
    commands=(
        command("mydata", mydata.mydata_command),
        command("delete", mydata.delete_command),
    ),
    actions={EraseMyData: mydata.erase_pressed},
)
