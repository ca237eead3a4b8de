"""Templates that ship with Tweespraak. Installed and versioned after every migrate.

Text written for Tweespraak after the structure of the reader "Coachen op de
werkplek" and the 1:1 guides in ../shared/seeds: facts and order carried over,
wording our own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tweespraak.guide.models import TemplateVersion

STANDARD_ONE_ON_ONE: dict[str, Any] = {
    "key": "standard",
    "name": {"nl": "Standaard 1-op-1", "en": "Standard one-on-one"},
    "sections": [
        {
            "key": "check-in",
            "title": {"nl": "Even bijpraten", "en": "Check-in"},
            "guidance": {
                "nl": "Begin bij de mens, niet bij het werk. Luister en vat samen voor je "
                "verder gaat.",
                "en": "Start with the person, not the work. Listen and sum up before you move on.",
            },
            "prompts": [
                {"nl": "Hoe gaat het met je, echt?", "en": "How are you doing, really?"},
                {
                    "nl": "Wat houdt je deze week het meest bezig?",
                    "en": "What is on your mind most this week?",
                },
                {
                    "nl": "Hoe is je energie op dit moment, en waar komt dat door?",
                    "en": "How is your energy at the moment, and what causes that?",
                },
            ],
        },
        {
            "key": "progress",
            "title": {"nl": "Voortgang en prioriteiten", "en": "Progress and priorities"},
            "guidance": {
                "nl": "Laat de medewerker vertellen wat goed ging en waar het schuurt. "
                "Vraag door voordat je oplossingen aandraagt.",
                "en": "Let the employee tell what went well and where it rubs. Ask "
                "further before you offer solutions.",
            },
            "prompts": [
                {
                    "nl": "Waar ben je trots op sinds ons vorige gesprek?",
                    "en": "What are you proud of since our last conversation?",
                },
                {
                    "nl": "Wat staat je op dit moment in de weg?",
                    "en": "What is getting in your way right now?",
                },
                {
                    "nl": "Wat is de komende weken het belangrijkste voor jou?",
                    "en": "What matters most for you in the coming weeks?",
                },
            ],
        },
        {
            "key": "feedback",
            "title": {"nl": "Feedback over en weer", "en": "Feedback both ways"},
            "guidance": {
                "nl": "Benoem concreet gedrag dat je zag, en vraag ook om feedback op "
                "jouw eigen manier van leidinggeven.",
                "en": "Name concrete behaviour you saw, and ask for feedback on your "
                "own way of leading too.",
            },
            "prompts": [
                {
                    "nl": "Wat kan ik doen om je beter te ondersteunen?",
                    "en": "What can I do to support you better?",
                },
                {
                    "nl": "Wat zou je willen dat ik meer of juist minder doe?",
                    "en": "What would you like me to do more of, or less of?",
                },
                {
                    "nl": "Wat ging er goed in hoe we samenwerkten, en wat kan beter?",
                    "en": "What went well in how we worked together, and what could be better?",
                },
            ],
        },
        {
            "key": "development",
            "title": {"nl": "Ontwikkeling", "en": "Development"},
            "guidance": {
                "nl": "Kijk verder dan het werk van vandaag: wat wil de medewerker leren, "
                "en welke kleine stap past nu?",
                "en": "Look beyond today's work: what does the employee want to learn, "
                "and which small step fits now?",
            },
            "prompts": [
                {
                    "nl": "Wat zou je graag beter willen kunnen?",
                    "en": "What would you like to get better at?",
                },
                {
                    "nl": "Welk werk geeft je energie, en hoe krijg je daar meer van?",
                    "en": "Which work gives you energy, and how could you get more of it?",
                },
            ],
        },
        {
            "key": "agreements",
            "title": {"nl": "Afspraken", "en": "Agreements"},
            "guidance": {
                "nl": "Leg vast wie wat doet en wanneer. Laat de medewerker zelf "
                "samenvatten wat er is afgesproken.",
                "en": "Record who does what by when. Ask the employee to sum up what "
                "was agreed in their own words.",
            },
            "prompts": [
                {
                    "nl": "Wat neem je mee uit dit gesprek?",
                    "en": "What do you take away from this conversation?",
                },
                {
                    "nl": "Wie doet wat, en wanneer kijken we er samen naar?",
                    "en": "Who does what, and when do we look at it together?",
                },
            ],
        },
    ],
}

BUILTIN_TEMPLATES = [STANDARD_ONE_ON_ONE]
DEFAULT_TEMPLATE_KEY = "standard"


def install_builtin_templates(**kwargs: Any) -> None:
    """Create or update the shipped templates; changed content becomes a new version."""
    from tweespraak.guide.models import Template

    for spec in BUILTIN_TEMPLATES:
        template, _ = Template.objects.update_or_create(
            workspace=None,
            key=spec["key"],
            defaults={"name": spec["name"], "is_default": spec["key"] == DEFAULT_TEMPLATE_KEY},
        )
        template.publish(spec["sections"])


def default_template_version() -> TemplateVersion | None:
    """The latest version of the shipped standard 1:1, installed on first use if needed."""
    from tweespraak.guide.models import Template

    template = Template.objects.filter(workspace=None, key=DEFAULT_TEMPLATE_KEY).first()
    if template is None:
        install_builtin_templates()
        template = Template.objects.get(workspace=None, key=DEFAULT_TEMPLATE_KEY)
    return template.latest_version()
