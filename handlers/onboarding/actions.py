"""The onboarding buttons: callback actions with the values they may carry."""

from dataclasses import dataclass

from handlers.core.callbacks import Callback

LANGUAGES = ("sv", "en")


@dataclass(frozen=True)
class ChooseLanguage(Callback):
    prefix = "lang"
    language: str

    def valid(self) -> bool:
        return self.language in LANGUAGES


@dataclass(frozen=True)
class ChooseOrganisation(Callback):
    prefix = "org"
    org_id: int


@dataclass(frozen=True)
class SkipOrganisation(Callback):
    prefix = "orgskip"
