// Floor mode (Pages/Floor): after every scan the page comes back with _ScanFeedback; a person holding a scanner
// should feel it without looking, so the phone vibrates (short: done, long pattern: error, where the browser can),
// and the scan box takes the focus again so the next scan goes into it. Everything works without this file.
(function () {
    'use strict';

    var patterns = { success: 80, error: [300, 120, 300] };
    var feedback = document.querySelector('[data-floor-vibrate]');
    var state = feedback && feedback.getAttribute('data-floor-vibrate');
    if (state && patterns[state] && navigator.vibrate) {
        try {
            navigator.vibrate(patterns[state]);
        } catch (ignored) {
            // Some browsers refuse vibration before the user has touched the page; the colour and words remain.
        }
    }

    var box = document.querySelector('[data-floor-scan]');
    if (box && document.activeElement !== box) {
        box.focus();
    }
}());
