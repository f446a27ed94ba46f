//! The channel editor's file limits (C1).

use crate::i18n::Lang;

/// The channel editor's file limits (C1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChannelFileText {
    Files,
    MaxSize,
    Kinds,
    NoneHint,
    BadMaxSize,
}

impl Lang {
    pub fn channel_files(self, text: ChannelFileText) -> &'static str {
        use ChannelFileText::*;
        match (self, text) {
            (Lang::En, Files) => "Files in chats",
            (Lang::Es, Files) => "Archivos en los chats",
            (Lang::En, MaxSize) => "Largest file (MB)",
            (Lang::Es, MaxSize) => "Archivo más grande (MB)",
            (Lang::En, Kinds) => "Accepted files",
            (Lang::Es, Kinds) => "Archivos admitidos",
            (Lang::En, NoneHint) => {
                "Customers and agents can attach these. Untick all to turn files off."
            }
            (Lang::Es, NoneHint) => {
                "Clientes y agentes pueden adjuntarlos. Desmarca todos para no admitir archivos."
            }
            (Lang::En, BadMaxSize) => {
                "Write the largest file as a number of megabytes, such as 10."
            }
            (Lang::Es, BadMaxSize) => "Escribe el archivo más grande en megabytes, por ejemplo 10.",
        }
    }

    pub fn file_category(self, category: openline_core::files::FileCategory) -> &'static str {
        use openline_core::files::FileCategory::*;
        match (self, category) {
            (Lang::En, Images) => "Images",
            (Lang::Es, Images) => "Imágenes",
            (Lang::En, Documents) => "Documents",
            (Lang::Es, Documents) => "Documentos",
            (Lang::En, Archives) => "Archives",
            (Lang::Es, Archives) => "Archivos comprimidos",
        }
    }

    pub fn max_file_hint(self, platform_max: &str) -> String {
        match self {
            Lang::En => format!("Per file, at most {platform_max}."),
            Lang::Es => format!("Por archivo, como mucho {platform_max}."),
        }
    }
}
