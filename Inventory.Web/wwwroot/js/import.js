// The item import with a progress bar: the form is posted with XMLHttpRequest so the upload's progress shows, then
// "Validating and importing…" while the catalog checks and stores the file (all rows or none). Success answers with
// where to go (the inventory, with the result message); a refused file answers with the page, whose report replaces
// the old one. Without script (or XMLHttpRequest) the form posts as usual.
(function () {
    'use strict';
    const form = document.querySelector('form[data-import-progress]');
    if (!form || typeof XMLHttpRequest === 'undefined' || typeof FormData === 'undefined') {
        return;
    }
    const status = document.getElementById('import-status');
    const state = document.getElementById('import-state');
    const progress = document.getElementById('import-progress');
    const button = document.getElementById('import');

    function show(text, percent) {
        status.hidden = false;
        state.textContent = text;
        if (percent === null) {
            progress.removeAttribute('value'); // indeterminate while the server works
        } else {
            progress.value = percent;
            progress.textContent = percent + ' %';
        }
    }

    function replaceFrom(html) {
        const page = new DOMParser().parseFromString(html, 'text/html');
        const result = page.getElementById('import-result');
        const key = page.querySelector('#import-form input[name="IdempotencyKey"]');
        if (result) {
            document.getElementById('import-result').replaceWith(result);
        }
        const current = form.querySelector('input[name="IdempotencyKey"]');
        if (key && current) {
            current.value = key.value; // a refused file stored nothing under its key; the page issued the next one
        }
    }

    form.addEventListener('submit', function (event) {
        event.preventDefault();
        const request = new XMLHttpRequest();
        request.open('POST', form.action || window.location.href);
        request.setRequestHeader('X-Requested-With', 'XMLHttpRequest');
        request.upload.addEventListener('progress', function (e) {
            if (e.lengthComputable) {
                show('Uploading…', Math.round(e.loaded / e.total * 100));
            }
        });
        request.upload.addEventListener('load', function () {
            show('Validating and importing…', null);
        });
        request.addEventListener('load', function () {
            button.disabled = false;
            const type = request.getResponseHeader('Content-Type') || '';
            if (request.status === 200 && type.indexOf('application/json') === 0) {
                window.location.assign(JSON.parse(request.responseText).location);
                return;
            }
            status.hidden = true;
            replaceFrom(request.responseText);
        });
        request.addEventListener('error', function () {
            button.disabled = false;
            show('The upload failed; check the connection and import again.', 0);
        });
        button.disabled = true;
        show('Uploading…', 0);
        request.send(new FormData(form));
    });
})();
