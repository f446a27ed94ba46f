//! Files in messages (C1): attaching, the upload tray, download cards and the image viewer.

use super::Lang;

/// Files in messages (C1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileText {
    AttachFiles,
    Attachments,
    UploadFailed,
    Download,
    DropFiles,
    Uploading,
}

impl Lang {
    pub fn file(self, text: FileText) -> &'static str {
        use FileText::*;
        match (self, text) {
            (Lang::En, AttachFiles) => "Attach files",
            (Lang::Es, AttachFiles) => "Adjuntar archivos",
            (Lang::En, Attachments) => "Files to send",
            (Lang::Es, Attachments) => "Archivos para enviar",
            (Lang::En, UploadFailed) => "The upload failed.",
            (Lang::Es, UploadFailed) => "No se pudo subir.",
            (Lang::En, Download) => "Download",
            (Lang::Es, Download) => "Descargar",
            (Lang::En, DropFiles) => "Drop files to attach them",
            (Lang::Es, DropFiles) => "Suelta los archivos para adjuntarlos",
            (Lang::En, Uploading) => "Wait for the files to finish uploading.",
            (Lang::Es, Uploading) => "Espera a que terminen de subir los archivos.",
        }
    }

    pub fn uploading(self, name: &str) -> String {
        match self {
            Lang::En => format!("Uploading {name}"),
            Lang::Es => format!("Subiendo {name}"),
        }
    }

    pub fn remove_file(self, name: &str) -> String {
        match self {
            Lang::En => format!("Remove {name}"),
            Lang::Es => format!("Quitar {name}"),
        }
    }

    pub fn open_image(self, name: &str) -> String {
        match self {
            Lang::En => format!("Open image {name}"),
            Lang::Es => format!("Abrir imagen {name}"),
        }
    }
}
