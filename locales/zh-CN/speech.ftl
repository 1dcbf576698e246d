# 语音引导（issue 19）：按键、提示和说明。每一句念出来的话，屏幕上也有。
speech-hint = 按 { $key } 收听语音
key-speech = 语音
key-speech-off = 关闭语音
key-speech-repeat = 重听
speech-on = 语音已开启。F5 重听，F6 慢一点，F7 快一点，F8 小声一点，F9 大声一点，F1 关闭。
speech-off = 语音已关闭。
speech-rate = { $limit ->
    [yes] 已经是最{ $rate ->
        [80] 慢
       *[other] 快
    }的语速了。
   *[no] 语速：每分钟 { $rate } 字。
}
speech-volume = { $limit ->
    [yes] 音量已经到头了：{ $volume }。
   *[no] 音量：{ $volume }。
}
speech-unavailable = 这台设备现在无法播放语音，请向工作人员求助。
# The staff screen, when espeak-ng or the audio player is missing.
staff-speech-off = 语音引导已停用：{ $reason }
