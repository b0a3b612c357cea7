// Scan anywhere: "/" focuses the header's scan box (not while typing in another field), the way many sites focus
// their search; a keyboard-wedge scanner then types the code and Enter, which submits the box to /scan.
// A file of its own, because the Content-Security-Policy allows no inline script.
(function () {
    'use strict';

    function isTyping(target) {
        if (!target || !target.tagName) {
            return false;
        }
        var tag = target.tagName.toLowerCase();
        return tag === 'input' || tag === 'textarea' || tag === 'select' || target.isContentEditable;
    }

    document.addEventListener('keydown', function (event) {
        if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) {
            return;
        }
        var box = document.getElementById('scan-box-code');
        if (box) {
            event.preventDefault();
            box.focus();
            box.select();
        }
    });

    // An empty box opens nothing: Enter on it stays on the page.
    document.querySelectorAll('form[data-scan-form]').forEach(function (form) {
        form.addEventListener('submit', function (event) {
            var input = form.querySelector('[data-scan-input]');
            if (input && input.value.trim() === '') {
                event.preventDefault();
                input.focus();
            }
        });
    });
}());
