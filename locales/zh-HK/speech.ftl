# 語音引導（issue 19）：按鍵、提示和說明。每一句讀出來的話，屏幕上也有。
speech-hint = 按 { $key } 收聽語音
key-speech = 語音
key-speech-off = 關閉語音
key-speech-repeat = 重聽
speech-on = 語音已開啟。F5 重聽，F6 慢一點，F7 快一點，F8 小聲一點，F9 大聲一點，F1 關閉。
speech-off = 語音已關閉。
speech-rate = { $limit ->
    [yes] 已經是最{ $rate ->
        [80] 慢
       *[other] 快
    }的語速了。
   *[no] 語速：每分鐘 { $rate } 字。
}
speech-volume = { $limit ->
    [yes] 音量已經到頭了：{ $volume }。
   *[no] 音量：{ $volume }。
}
speech-unavailable = 這部機現在無法播放語音，請向職員求助。
# The staff screen, when espeak-ng or the audio player is missing.
staff-speech-off = 語音引導已停用：{ $reason }
