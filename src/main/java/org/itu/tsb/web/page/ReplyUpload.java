package org.itu.tsb.web.page;

import java.io.IOException;
import org.itu.tsb.kernel.Attachment;
import org.itu.tsb.reply.AttachmentCheck;
import org.itu.tsb.web.form.ReplyForm;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/** The file posted with a reply form (officers' scan, Member State's reasons): checked by its content, or none. */
@Component
class ReplyUpload {

    private final AttachmentCheck attachments;

    ReplyUpload(AttachmentCheck attachments) {
        this.attachments = attachments;
    }

    /** Notes the chosen file's name on the form: a form refused for any field cannot keep the file, and says so. */
    void noteName(MultipartFile file, ReplyForm form) {
        if (chosen(file)) {
            form.setAttachmentName(file.getOriginalFilename());
        }
    }

    /** The file as it will be stored, checked; null when none was chosen. */
    Attachment check(MultipartFile file) throws IOException {
        return chosen(file) ? attachments.check(file.getOriginalFilename(), file.getBytes()) : null;
    }

    private static boolean chosen(MultipartFile file) {
        return file != null && !(file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()));
    }
}
