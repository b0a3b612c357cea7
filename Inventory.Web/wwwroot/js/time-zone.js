// Tells the server the signed-in user's time zone, as the browser knows it, so pages show times in it (UTC on hover).
// Once per session, and only when it differs from the zone the page was rendered in; then the page is shown again in it.
(function () {
    'use strict';
    var form = document.getElementById('time-zone-form');
    var zone = window.Intl && Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!form || !zone || zone === form.getAttribute('data-time-zone') || sessionStorage.getItem('time-zone-sent') === zone) {
        return;
    }
    sessionStorage.setItem('time-zone-sent', zone);
    var body = new FormData(form);
    body.append('timeZone', zone);
    fetch(form.action, { method: 'POST', body: body, credentials: 'same-origin' }).then(function (response) {
        if (response.ok && document.querySelector('time')) {
            window.location.reload();
        }
    });
}());
