package app.quorum.platform.web;

import app.quorum.platform.i18n.Bundle;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import org.primefaces.component.fileupload.FileUpload;

/**
 * PrimeFaces' upload field, which learns from a {@code <id>_totalFilesCount} field its script sends along with the file
 * how many files the upload has. A hand-made multipart post without that field (or with a count that is not a number)
 * made PrimeFaces' validation throw a NumberFormatException: the general error page, a stack trace in the log. Here it
 * is a translated message on the field and nothing is stored (no upload event is queued). Registered for PrimeFaces'
 * component type in faces-config.xml.
 */
public class StrictFileUpload extends FileUpload {

    @Override
    protected void validateValue(FacesContext context, Object value) {
        try {
            super.validateValue(context, value);
        } catch (NumberFormatException e) {
            setValid(false);
            String text = Bundle.text(Bundle.currentLocale(), "upload.incomplete");
            context.addMessage(getClientId(context), new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
            context.validationFailed();
        }
    }
}
