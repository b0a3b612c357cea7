// Progressive enhancement for the catalog pages; every form also works without this file.
// Loaded as a file because the Content-Security-Policy allows no inline script or handlers.
(function () {
    'use strict';

    // Ask before archiving, posting or cancelling (forms marked data-confirm="question").
    document.addEventListener('submit', function (event) {
        var message = event.target.getAttribute && event.target.getAttribute('data-confirm');
        if (message && !window.confirm(message)) {
            event.preventDefault();
        }
    });
}());
