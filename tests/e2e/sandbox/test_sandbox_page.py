"""The sandbox's web chat page in a real headless Chromium, with the real bot behind it.

A newcomer creates a persona and asks a question the bot cannot answer; staff reply to the
forwarded question with bold text; staff start a broadcast with a photo and a bold caption.
Times must read as Swedish 24-hour Stockholm time even in an American browser in New York.
Screenshots at laptop and phone width land in tmp/screenshots/sandbox_page/ (or under
$SIGNBOT_SCREENSHOTS) for a person to look at.
"""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import struct
import zlib
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

import httpx
import pytest
from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.ui import WebDriverWait

from bot.sandbox import start_sandbox
from tests.e2e.conftest import Harness

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
ROOT = Path(__file__).resolve().parents[3]
SHOTS = Path(os.environ.get("SIGNBOT_SCREENSHOTS", ROOT / "tmp" / "screenshots")) / "sandbox_page"
STOCKHOLM = ZoneInfo("Europe/Stockholm")
WAIT = 20.0
JSON = dict[str, Any]
T = TypeVar("T")

pytestmark = [
    pytest.mark.skipif(
        CHROMIUM is None or CHROMEDRIVER is None,
        reason="the browser tests need Debian's chromium and chromium-driver "
        "(apt-get install chromium chromium-driver)",
    ),
    pytest.mark.timeout(240),
]


def _png(width: int, height: int) -> bytes:
    """A small two-colour PNG (a poster stand-in)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data)
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    rows = [
        b"\x00"
        + b"".join(b"\x2f\x6f\xb5" if x < width // 2 else b"\xf2\xc1\x4e" for x in range(width))
        for _ in range(height)
    ]
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"".join(rows)))
        + chunk(b"IEND", b"")
    )


@pytest.fixture
def browser() -> Iterator[webdriver.Chrome]:
    """Headless Chromium that speaks American English in New York, to catch local times."""
    assert CHROMIUM is not None and CHROMEDRIVER is not None
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in (
        "--headless=new",
        "--no-sandbox",  # CI runs as root
        "--disable-dev-shm-usage",
        "--window-size=1280,900",
        "--lang=en-US",
    ):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    try:
        driver.execute_cdp_cmd("Emulation.setTimezoneOverride", {"timezoneId": "America/New_York"})
        driver.execute_cdp_cmd("Emulation.setLocaleOverride", {"locale": "en-US"})
        yield driver
    finally:
        driver.quit()


class Page:
    """The web chat page as a person uses it, plus the control API to check what was sent."""

    def __init__(self, driver: webdriver.Chrome, root_url: str, shots: Path) -> None:
        self.driver = driver
        self.root_url = root_url
        self.shots = shots
        self.api = httpx.Client(base_url=f"{root_url}/sandbox/api", timeout=10)

    def wait(self, condition: Callable[[], T | None], what: str) -> T:
        """Wait until condition returns something truthy; fail naming what did not happen."""

        def check(_driver: Any) -> T | None:
            return condition()

        # The page redraws the transcript on every change: a found node may go stale.
        waiting = WebDriverWait(
            self.driver,
            WAIT,
            poll_frequency=0.1,
            ignored_exceptions=[StaleElementReferenceException],
        )
        try:
            result = waiting.until(check)
        except TimeoutException as error:
            transcript = [m.text.replace("\n", " | ") for m in self.bubbles()]
            raise AssertionError(f"{what}; the chat shows {transcript}") from error
        assert result is not None  # until() returns only a truthy result
        return result

    def bubbles(self) -> list[WebElement]:
        return self.driver.find_elements(By.CSS_SELECTOR, "#transcript li.message")

    def bubble(self, text: str, *, bot: bool | None = None) -> int:
        """The id of the newest message containing text (from the bot, the persona, or either)."""

        def find() -> int | None:
            for node in reversed(self.bubbles()):
                sender = "bot" in (node.get_attribute("class") or "").split()
                if text in node.text and (bot is None or sender == bot):
                    return int(node.get_attribute("data-id") or 0)
            return None

        return self.wait(find, f"no message with {text!r}")

    def inside(self, message_id: int, by: str, selector: str) -> WebElement:
        """An element inside a message, found again if the transcript was redrawn."""
        return self.wait(
            lambda: self.driver.find_element(
                By.CSS_SELECTOR, f'#transcript li[data-id="{message_id}"]'
            ).find_element(by, selector),
            f"nothing like {selector!r} in message {message_id}",
        )

    def text_in(self, message_id: int, selector: str) -> str:
        return self.wait(lambda: self.inside(message_id, By.CSS_SELECTOR, selector).text, selector)

    def click_in(self, message_id: int, by: str, selector: str) -> None:
        def click() -> bool:
            self.inside(message_id, by, selector).click()
            return True

        self.wait(click, f"could not click {selector!r} in message {message_id}")

    def type(self, text: str, *, send: bool = True) -> None:
        box = self.driver.find_element(By.ID, "message-input")
        box.send_keys(text)
        if send:
            box.send_keys(Keys.ENTER)

    def open_persona(self, user_id: int) -> None:
        if not self.driver.find_element(By.ID, "persona-list").is_displayed():
            self.driver.find_element(By.ID, "toggle-personas").click()
        self.driver.find_element(By.CSS_SELECTOR, f'button[data-user-id="{user_id}"]').click()
        self.wait(
            lambda: f"id {user_id}" in self.driver.find_element(By.ID, "chat-title").text,
            f"persona {user_id} did not open",
        )

    def messages(self, chat_id: int) -> list[JSON]:
        response = self.api.get(f"/chats/{chat_id}/messages")
        response.raise_for_status()
        messages: list[JSON] = response.json()["messages"]
        return messages

    def screenshot(self, name: str) -> None:
        self.shots.mkdir(parents=True, exist_ok=True)
        self.driver.save_screenshot(str(self.shots / f"{name}.png"))

    def check_times(self) -> int:
        """Every time shown is the message's Stockholm time, 24-hour; returns how many."""
        times = self.driver.find_elements(By.CSS_SELECTOR, "#transcript time")
        for node in times:
            sent = datetime.fromisoformat(
                str(node.get_attribute("datetime")).replace("Z", "+00:00")
            )
            assert node.text == sent.astimezone(STOCKHOLM).strftime("%H:%M"), node.text
            assert re.fullmatch(r"\d\d:\d\d", node.text)
        return len(times)

    def check_at_end(self) -> None:
        """The newest message is in view (images that load late must not push it out)."""
        script = "const l = document.getElementById('transcript');"
        script += "return [l.scrollHeight - l.scrollTop - l.clientHeight, l.scrollHeight]"

        def at_end() -> bool:
            below, _ = self.driver.execute_script(script)
            return bool(below < 2)

        try:
            self.wait(at_end, "the newest message is out of view")
        except AssertionError:
            below, height = self.driver.execute_script(script)
            raise AssertionError(f"{below}px of {height}px lie below the view") from None

    def check_no_errors(self) -> None:
        """Nothing went wrong in the page: no error toast, nothing logged as severe."""
        toast = self.driver.find_element(By.ID, "toast")
        assert not (toast.is_displayed() and "alert" in (toast.get_attribute("class") or "")), (
            toast.text
        )
        severe = [e for e in self.driver.get_log("browser") if e["level"] == "SEVERE"]
        assert severe == []


def run_page(driver: webdriver.Chrome, root_url: str, admin_id: int, photo: Path) -> None:
    """Everything a newcomer and a member of staff do in the page (blocking: runs in a thread)."""
    page = Page(driver, root_url, SHOTS)
    driver.get(f"{root_url}/")

    # A newcomer creates a persona and asks something the bot does not know.
    driver.find_element(By.NAME, "first_name").send_keys("Ida")
    driver.find_element(By.CSS_SELECTOR, "#persona-form button[type=submit]").click()
    page.wait(lambda: "Ida" in driver.find_element(By.ID, "chat-title").text, "no persona Ida")
    ida_id = int(
        driver.find_element(By.CSS_SELECTOR, "#persona-list button.active").get_attribute(
            "data-user-id"
        )
        or 0
    )
    page.type("Hur bakar man surdegsbröd?")
    dont_know = page.bubble("vet jag tyvärr inte", bot=True)
    page.click_in(dont_know, By.XPATH, ".//button[contains(., 'handläggare')]")
    page.bubble("skickat", bot=True)

    # Staff reply to the forwarded question, in bold, with the page's reply action.
    page.open_persona(admin_id)
    forwarded = page.bubble("Fråga från Ida", bot=True)
    page.click_in(forwarded, By.CSS_SELECTOR, ".reply-action")
    reply_bar = driver.find_element(By.ID, "reply-bar")
    assert reply_bar.is_displayed() and "surdegsbröd" in reply_bar.text
    page.type("**Prova** 24 timmars jäsning.")
    staff_reply = page.bubble("24 timmars jäsning", bot=False)
    assert not reply_bar.is_displayed()
    quote = page.text_in(staff_reply, ".quote")
    assert "Signbot" in quote and "Fråga från Ida" in quote
    assert page.text_in(staff_reply, ".body b") == "Prova"
    sent_entry = next(m for m in page.messages(admin_id) if "jäsning" in (m["text"] or ""))
    assert sent_entry["reply_to_message_id"] == forwarded
    assert sent_entry["text"] == "Prova 24 timmars jäsning."
    assert sent_entry["entities"] == [{"type": "bold", "offset": 0, "length": 5}]
    # The bot's confirmation replies to the staff message: its quote shows it too.
    confirmation = page.bubble("skickat till Ida", bot=True)
    assert "24 timmars jäsning" in page.text_in(confirmation, ".quote")
    page.screenshot("laptop-staff-reply")

    # The asker gets the answer.
    page.open_persona(ida_id)
    answer = page.bubble("Svar från en handläggare", bot=True)
    assert "24 timmars jäsning" in page.text_in(answer, ".body")
    page.screenshot("laptop-asker")

    # Staff broadcast a photo with a bold caption.
    page.open_persona(admin_id)
    page.type("/broadcast")
    page.bubble("Skriv meddelandet", bot=True)
    driver.find_element(By.ID, "photo-input").send_keys(str(photo))
    assert driver.find_element(By.ID, "attachment-bar").is_displayed()
    page.type("**Affisch** för mötet", send=False)
    page.screenshot("laptop-photo-attached")
    page.type("", send=True)
    audience = page.bubble("Vem ska få utskicket?", bot=True)
    photo_message = page.bubble("Affisch för mötet", bot=False)
    page.wait(
        lambda: driver.execute_script(
            "return arguments[0].naturalWidth", page.inside(photo_message, By.TAG_NAME, "img")
        ),
        "the photo did not load",
    )
    assert page.text_in(photo_message, ".body b") == "Affisch"
    photo_entry = next(m for m in page.messages(admin_id) if m.get("photo") and not m["from_bot"])
    assert photo_entry["photo"][-1]["width"] == 320
    assert photo_entry["entities"] == [{"type": "bold", "offset": 0, "length": 7}]
    page.click_in(audience, By.XPATH, ".//button[contains(., 'Alla')]")
    summary = page.bubble("Så här ser utskicket ut", bot=True)
    preview = next(m for m in page.messages(admin_id) if m.get("photo") and m["from_bot"])[
        "message_id"
    ]
    assert preview < summary
    page.wait(
        lambda: driver.execute_script(
            "return arguments[0].naturalWidth", page.inside(preview, By.TAG_NAME, "img")
        ),
        "the preview's photo did not load",
    )
    assert page.text_in(preview, ".body b") == "Affisch"
    assert page.check_times() >= 8
    page.check_no_errors()
    page.check_at_end()
    page.screenshot("laptop-broadcast-photo")

    # The same chat on a phone, with a reply being written.
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True},
    )
    page.click_in(summary, By.CSS_SELECTOR, ".reply-action")
    page.type("Ser bra ut", send=False)
    page.check_at_end()
    composer = driver.find_element(By.ID, "composer")
    page.screenshot("phone-broadcast-reply")
    width = driver.execute_script("return document.documentElement.scrollWidth")
    assert width <= 390, f"the page is {width}px wide on a 390px phone"
    assert composer.is_displayed() and driver.find_element(By.ID, "send").is_displayed()
    page.screenshot("phone-broadcast-reply")
    page.open_persona(ida_id)
    page.bubble("Svar från en handläggare", bot=True)
    assert page.check_times() >= 4
    page.screenshot("phone-asker")
    page.check_no_errors()
    page.api.close()


# One browser run is enough: the page does not depend on the database.
@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
async def test_the_page_replies_formats_sends_photos_and_shows_swedish_times(
    harness: Harness, browser: webdriver.Chrome, tmp_path: Path
) -> None:
    assert harness.bot.sandbox is not None
    photo = tmp_path / "affisch.png"
    photo.write_bytes(_png(320, 200))
    # Selenium blocks; the bot and the sandbox keep running on this event loop meanwhile.
    await asyncio.to_thread(
        run_page, browser, harness.bot.sandbox.root_url, harness.admin_id, photo
    )


FORMATTING_CASES: list[tuple[str, str, list[JSON]]] = [
    (
        "**fet** __kursiv__ ++under++ ~~struken~~ ||dold||",
        "fet kursiv under struken dold",
        [
            {"type": "bold", "offset": 0, "length": 3},
            {"type": "italic", "offset": 4, "length": 6},
            {"type": "underline", "offset": 11, "length": 5},
            {"type": "strikethrough", "offset": 17, "length": 7},
            {"type": "spoiler", "offset": 25, "length": 4},
        ],
    ),
    (
        "**fet __och kursiv__**",
        "fet och kursiv",
        [
            {"type": "bold", "offset": 0, "length": 14},
            {"type": "italic", "offset": 4, "length": 10},
        ],
    ),
    (
        "Se [**avtalet**](https://vgregion.se/avtal) nu",
        "Se avtalet nu",
        [
            {"type": "text_link", "offset": 3, "length": 7, "url": "https://vgregion.se/avtal"},
            {"type": "bold", "offset": 3, "length": 7},
        ],
    ),
    # Offsets count UTF-16 units: the emoji outside the BMP is two.
    ("😀 **å😀**", "😀 å😀", [{"type": "bold", "offset": 3, "length": 3}]),
    ("2 ** 3 och a_b __", "2 ** 3 och a_b __", []),
    ("\\*\\*inte fet\\*\\*", "**inte fet**", []),
    ("`**kod**` och mer", "**kod** och mer", [{"type": "code", "offset": 0, "length": 7}]),
    (
        "```python\nprint(1)\n```",
        "print(1)",
        [{"type": "pre", "offset": 0, "length": 8, "language": "python"}],
    ),
]


def run_composer(driver: webdriver.Chrome, root_url: str) -> None:
    """The composer's parser, toolbar and shortcuts, in the real browser."""
    page = Page(driver, root_url, SHOTS)
    driver.get(f"{root_url}/")
    for source, text, entities in FORMATTING_CASES:
        parsed = driver.execute_script("return parseFormatting(arguments[0])", source)
        assert parsed == {"text": text, "entities": entities}, source

    driver.find_element(By.NAME, "first_name").send_keys("Tove")
    driver.find_element(By.CSS_SELECTOR, "#persona-form button[type=submit]").click()
    page.wait(lambda: "Tove" in driver.find_element(By.ID, "chat-title").text, "no persona Tove")
    box = driver.find_element(By.ID, "message-input")
    box.send_keys("hej du")
    driver.execute_script("arguments[0].setSelectionRange(0, 3)", box)
    driver.find_element(By.CSS_SELECTOR, '#format-bar [data-format="bold"]').click()
    assert box.get_attribute("value") == "**hej** du"
    driver.execute_script("arguments[0].setSelectionRange(8, 10)", box)
    box.send_keys(Keys.CONTROL, "i")
    assert box.get_attribute("value") == "**hej** __du__"
    box.send_keys(Keys.END, Keys.ENTER)
    sent = page.bubble("hej du", bot=False)
    assert page.text_in(sent, ".body b") == "hej" and page.text_in(sent, ".body i") == "du"
    [entry] = page.messages(int(driver.execute_script("return state.user.id")))
    assert entry["entities"] == [
        {"type": "bold", "offset": 0, "length": 3},
        {"type": "italic", "offset": 4, "length": 2},
    ]
    page.check_no_errors()
    # Everything the page loads is served by the sandbox itself: it works offline, no CDN.
    loaded = driver.execute_script(
        "return performance.getEntriesByType('resource').map((entry) => entry.name)"
    )
    assert loaded and all(url.startswith(root_url) for url in loaded), loaded
    page.api.close()


async def test_the_composer_turns_markers_toolbar_and_shortcuts_into_entities(
    browser: webdriver.Chrome,
) -> None:
    sandbox = await start_sandbox()
    try:
        await asyncio.to_thread(run_composer, browser, sandbox.root_url)
    finally:
        await sandbox.stop()
