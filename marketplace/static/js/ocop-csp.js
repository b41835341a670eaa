/*
 * Behaviour that Oscar's templates wrote as inline event handlers (onclick=, onload=, onerror=),
 * which the Content-Security-Policy blocks; our copies of those templates carry data attributes
 * instead, handled here.
 */
(function () {
    "use strict";
    document.addEventListener("click", function (event) {
        var target = event.target.closest("[data-ocop-back], [data-ocop-print]");
        if (!target) {
            return;
        }
        event.preventDefault();
        if (target.hasAttribute("data-ocop-print")) {
            window.print();
        } else {
            window.history.go(-1);
        }
    });
    // load and error do not bubble: listen in the capture phase for the dashboard's image inputs.
    function imageEvent(event) {
        var image = event.target;
        if (!(image instanceof HTMLImageElement) || !image.hasAttribute("data-ocop-upload-button")) {
            return;
        }
        var button = document.getElementById(image.getAttribute("data-ocop-upload-button"));
        if (event.type === "load") {
            if (button) { button.style.display = "none"; }
        } else {
            if (button) { button.style.display = ""; }
            window.alert(image.getAttribute("data-ocop-error-message"));
        }
    }
    document.addEventListener("load", imageEvent, true);
    document.addEventListener("error", imageEvent, true);
}());
