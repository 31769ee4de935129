package app.quorum.platform.web;

import app.quorum.platform.i18n.Bundle;
import jakarta.faces.FacesException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIInput;
import jakarta.faces.context.FacesContext;
import org.primefaces.component.inputnumber.InputNumberRenderer;

/**
 * PrimeFaces' number field, which takes its value from a hidden {@code <id>_hinput} its script fills in. A post whose
 * hidden value is not a number (a hand-made or tampered request: {@code NaN}, {@code 1e309x}, {@code abc}) makes
 * PrimeFaces' decode throw a {@code FacesException("Invalid number")}, which reached the general error page. Here the
 * field is marked invalid with the same translated message a wrong number typed in any other field gets, nothing is
 * stored, and the page is shown again. Registered for PrimeFaces' renderer type in faces-config.xml.
 */
public class StrictInputNumberRenderer extends InputNumberRenderer {

    @Override
    public void decode(FacesContext context, UIComponent component) {
        try {
            super.decode(context, component);
        } catch (FacesException e) {
            if (!(e.getCause() instanceof NumberFormatException)) {
                throw e;
            }
            UIInput input = (UIInput) component;
            input.setSubmittedValue(null);
            input.setValid(false);
            Object label = component.getAttributes().get("label");
            String text = label == null || label.toString().isBlank() ? Bundle.text(Bundle.currentLocale(), "input.number.invalid")
                    : Bundle.text(Bundle.currentLocale(), "input.number.invalidLabelled", label);
            context.addMessage(component.getClientId(context), new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
            context.validationFailed();
            context.renderResponse();
        }
    }
}
