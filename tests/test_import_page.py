"""The upload page: admins check or import a file; everyone else is kept out."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tweespraak.accounts.models import Person

URL = reverse("imports:upload")
HEADER = "name,email,manager_email,team,role,language"
GOOD = f"{HEADER}\nEva Boer,eva@werkplaats.test,anouk@werkplaats.test,Lab,,\n"


@pytest.fixture(autouse=True)
def english(cast) -> None:
    """Admins who read English, so the assertions do not depend on the translations."""
    Person.objects.filter(pk__in=[cast.willem.pk, cast.dana.pk]).update(language="en")


def upload(text: str | bytes, name: str = "people.csv") -> SimpleUploadedFile:
    data = text.encode() if isinstance(text, str) else text
    return SimpleUploadedFile(name, data, content_type="text/csv")


def test_anonymous_goes_to_login(client, cast):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_an_employee_gets_403(cast):
    assert cast.client_for(cast.bram).get(URL).status_code == 403
    response = cast.client_for(cast.bram).post(URL, {"file": upload(GOOD), "action": "import"})
    assert response.status_code == 403
    assert not Person.objects.filter(email="eva@werkplaats.test").exists()


def test_hr_gets_403_on_the_upload_page(cast):
    assert cast.client_for(cast.hanna).get(URL).status_code == 403


def test_the_admin_sees_the_form_and_the_columns(cast):
    response = cast.client_for(cast.willem).get(URL)
    assert response.status_code == 200
    text = response.content.decode()
    assert 'type="file"' in text
    assert 'name="invite"' in text
    assert 'value="check"' in text
    assert 'value="import"' in text
    assert "<code>manager_email</code>" in text
    assert reverse("imports:example") in text


def test_an_admin_of_another_workspace_only_ever_imports_into_her_own(cast):
    text = f"{HEADER}\nBram Jansen,bram@werkplaats.test,,,admin,\nEva,eva@elders.test,,,,\n"
    response = cast.client_for(cast.dana).post(URL, {"file": upload(text), "action": "import"})
    assert response.status_code == 200
    assert "This e-mail address cannot be used." in response.content.decode()
    cast.bram.refresh_from_db()
    assert not cast.bram.is_workspace_admin
    assert cast.bram.workspace == cast.workspace
    assert not Person.objects.filter(email="eva@elders.test").exists()
    fine = f"{HEADER}\nEva,eva@elders.test,dana@elders.test,,,\n"
    cast.client_for(cast.dana).post(URL, {"file": upload(fine), "action": "import"})
    assert Person.objects.get(email="eva@elders.test").workspace == cast.other_workspace
    assert Person.objects.filter(workspace=cast.workspace).count() == 5


def test_check_only_shows_what_would_happen_and_writes_nothing(cast):
    response = cast.client_for(cast.willem).post(URL, {"file": upload(GOOD), "action": "check"})
    assert response.status_code == 200
    text = response.content.decode()
    assert "The file is fine" in text
    assert "nothing was changed" in text
    assert not Person.objects.filter(email="eva@werkplaats.test").exists()


def test_import_writes_and_shows_the_summary(cast):
    response = cast.client_for(cast.willem).post(URL, {"file": upload(GOOD), "action": "import"})
    assert "The import is done" in response.content.decode()
    eva = Person.objects.get(email="eva@werkplaats.test")
    assert eva.workspace == cast.workspace
    assert eva.reporting_lines.get().created_by == cast.willem


def test_errors_are_shown_per_line_and_nothing_is_written(cast):
    text = f"{GOOD}Finn,finn@,,,,\n"
    response = cast.client_for(cast.willem).post(URL, {"file": upload(text), "action": "import"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Nothing was imported." in page
    assert '<td data-label="Line">3</td>' in page
    assert "“finn@” is not a valid e-mail address." in page
    assert not Person.objects.filter(email="eva@werkplaats.test").exists()


def test_htmx_gets_only_the_result_so_the_chosen_file_stays_in_the_form(cast):
    response = cast.client_for(cast.willem).post(
        URL, {"file": upload(GOOD), "action": "check"}, headers={"HX-Request": "true"}
    )
    text = response.content.decode()
    assert "The file is fine" in text
    assert "<html" not in text
    assert 'type="file"' not in text


def test_htmx_without_a_file_says_so_in_the_result(cast):
    response = cast.client_for(cast.willem).post(
        URL, {"action": "check"}, headers={"HX-Request": "true"}
    )
    assert 'role="alert"' in response.content.decode()
    assert "This field is required." in response.content.decode()


def test_a_file_over_the_size_limit_is_refused_with_a_clear_message(cast, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 100
    response = cast.client_for(cast.willem).post(
        URL, {"file": upload(GOOD + "x" * 200), "action": "import"}
    )
    assert "This file is larger than 100" in response.content.decode()
    assert not Person.objects.filter(email="eva@werkplaats.test").exists()


def test_invitations_go_to_new_people_when_asked(cast, mailoutbox):
    text = f"{GOOD}Bram Jansen,bram@werkplaats.test,anouk@werkplaats.test,Productie,,\n"
    response = cast.client_for(cast.willem).post(
        URL, {"file": upload(text), "action": "import", "invite": "on"}
    )
    assert "1 invitation sent." in response.content.decode()
    assert [message.to for message in mailoutbox] == [["Eva Boer <eva@werkplaats.test>"]]


def test_no_invitations_on_a_check_or_without_the_box(cast, mailoutbox):
    client = cast.client_for(cast.willem)
    client.post(URL, {"file": upload(GOOD), "action": "check", "invite": "on"})
    client.post(URL, {"file": upload(GOOD), "action": "import"})
    assert mailoutbox == []


def test_a_semicolon_file_in_windows_1252_from_excel_is_imported(cast):
    data = "name;email;team\r\nJosé Müller;jose@werkplaats.test;Productie\r\n".encode("cp1252")
    cast.client_for(cast.willem).post(URL, {"file": upload(data), "action": "import"})
    assert Person.objects.get(email="jose@werkplaats.test").name == "José Müller"


def test_the_example_file_downloads_and_imports_cleanly(cast):
    response = cast.client_for(cast.willem).get(reverse("imports:example"))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    result = cast.client_for(cast.willem).post(
        URL, {"file": upload(response.content), "action": "check"}
    )
    assert "The file is fine" in result.content.decode()


def test_the_example_file_is_for_admins_only(cast, client):
    url = reverse("imports:example")
    assert client.get(url).status_code == 302
    assert cast.client_for(cast.hanna).get(url).status_code == 403
    assert cast.client_for(cast.bram).get(url).status_code == 403
